using System.Net;
using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Abstractions.Nodes;

namespace ClarityConnect.AdminApi.Tests;

/// <summary><c>DELETE /api/integrations/{crm}/nodes/{name}</c>: a node saved in a CRM's node library is deleted through
/// <see cref="INodeLibraryGrain"/>, an absent one is a 404 naming it, and only an administrator may delete.</summary>
[Collection(AdminApiCollection.Name)]
public sealed class NodeLibraryApiTests(AdminApiFixture fixture)
{
    [Theory]
    [InlineData(IntegrationNames.Salesforce, "Caller lookup {0}")]
    [InlineData(IntegrationNames.Dynamics, "Lookups/VIP {0}")]
    public async Task A_saved_node_is_deleted_and_the_others_are_kept(string crm, string pattern)
    {
        var library = fixture.Grains.GetGrain<INodeLibraryGrain>(crm);
        var doomed = string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, Guid.NewGuid().ToString("n"));
        var kept = "Kept " + Guid.NewGuid().ToString("n");
        await library.SaveAsync(doomed, Node(crm));
        await library.SaveAsync(kept, Node(crm));

        using var response = await fixture.Http.DeleteAsync(NodeUrl(crm, doomed));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var names = (await library.ListAsync()).Select(n => n.Name).ToList();
        Assert.DoesNotContain(doomed, names);
        Assert.Contains(kept, names);
    }

    [Fact]
    public async Task Deleting_a_node_that_is_not_saved_is_404_naming_it()
    {
        var library = fixture.Grains.GetGrain<INodeLibraryGrain>(IntegrationNames.Salesforce);
        var name = "Gone " + Guid.NewGuid().ToString("n");
        await library.SaveAsync(name, Node(IntegrationNames.Salesforce));
        Assert.Equal(HttpStatusCode.NoContent, (await fixture.Http.DeleteAsync(NodeUrl(IntegrationNames.Salesforce, name))).StatusCode);

        using var again = await fixture.Http.DeleteAsync(NodeUrl(IntegrationNames.Salesforce, name));

        var problem = await again.ProblemAsync(404);
        Assert.Equal($"No node named '{name}' is saved in the salesforce node library.", problem.GetProperty("detail").GetString());
        Assert.Equal("name", problem.GetProperty("field").GetString());
        using var notCrm = await fixture.Http.DeleteAsync(NodeUrl(IntegrationNames.Csi, name));
        await notCrm.ProblemAsync(404);
    }

    [Fact]
    public async Task Without_the_admin_key_nothing_is_deleted()
    {
        var library = fixture.Grains.GetGrain<INodeLibraryGrain>(IntegrationNames.Dynamics);
        var name = "Protected " + Guid.NewGuid().ToString("n");
        await library.SaveAsync(name, Node(IntegrationNames.Dynamics));

        using var anonymous = await fixture.Anonymous.DeleteAsync(NodeUrl(IntegrationNames.Dynamics, name));
        using var wrongKey = new HttpRequestMessage(HttpMethod.Delete, NodeUrl(IntegrationNames.Dynamics, name));
        wrongKey.Headers.Add("X-Api-Key", "wrong-key");
        using var refused = await fixture.Anonymous.SendAsync(wrongKey);

        await anonymous.ProblemAsync(401);
        await refused.ProblemAsync(401);
        Assert.Contains(name, (await library.ListAsync()).Select(n => n.Name));
    }

    private static CustomerLookupNode Node(string crm) => new() { NodeId = "lookup", Integration = crm };

    // Each segment escaped on its own: a '/' in the name stays a path separator, which the catch-all route takes back.
    private static string NodeUrl(string crm, string name) =>
        $"/api/integrations/{crm}/nodes/{string.Join('/', name.Split('/').Select(Uri.EscapeDataString))}";
}
