using System.Net;
using System.Text;
using System.Text.Json;
using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Abstractions.Nodes;

namespace ClarityConnect.AdminApi.Tests;

/// <summary><c>/api/integrations/{crm}/nodes</c>: a CRM's node library (<see cref="INodeLibraryGrain"/>) listed, read,
/// saved (PUT) and deleted; an absent node is a 404 naming it, a bad node or name a 400 naming the member with nothing
/// saved, and only an administrator gets in.</summary>
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
        using var noName = await fixture.Http.DeleteAsync("/api/integrations/salesforce/nodes/");
        Assert.Equal("name", (await noName.ProblemAsync(404)).GetProperty("field").GetString());
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

    [Theory]
    [InlineData(IntegrationNames.Salesforce, "Caller lookup {0}")]
    [InlineData(IntegrationNames.Dynamics, "Lookups/VIP {0}")]
    public async Task Saved_nodes_are_listed_and_read_with_their_whole_definition(string crm, string pattern)
    {
        var library = fixture.Grains.GetGrain<INodeLibraryGrain>(crm);
        var name = string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, Guid.NewGuid().ToString("n"));
        var saved = await library.SaveAsync(name, Advanced(crm, "Email"));

        using var list = await fixture.Http.GetAsync($"/api/integrations/{crm}/nodes");
        using var one = await fixture.Http.GetAsync(NodeUrl(crm, name.ToUpperInvariant()));
        using var slash = await fixture.Http.GetAsync($"/api/integrations/{crm}/nodes/");

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var listed = (await list.JsonAsync()).EnumerateArray().Single(n => n.GetProperty("name").GetString() == name);
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        var read = await one.JsonAsync();
        Assert.Contains(name, (await slash.JsonAsync()).EnumerateArray().Select(n => n.GetProperty("name").GetString()));
        foreach (var node in new[] { listed, read })
        {
            // The node and nothing else of the library's CRM (no settings): name, definition, saved-at.
            Assert.Equal(["name", "node", "savedAt"], node.EnumerateObject().Select(p => p.Name));
            Assert.Equal(name, node.GetProperty("name").GetString());
            Assert.Equal(saved.SavedAt, node.GetProperty("savedAt").GetDateTimeOffset());
            AssertAdvanced(node.GetProperty("node"), crm, "Email");
        }
    }

    [Theory]
    [InlineData(IntegrationNames.Salesforce)]
    [InlineData(IntegrationNames.Dynamics)]
    public async Task A_put_node_is_saved_and_a_second_put_replaces_it(string crm)
    {
        var library = fixture.Grains.GetGrain<INodeLibraryGrain>(crm);
        var name = "Put/" + Guid.NewGuid().ToString("n");

        using var created = await PutAsync(crm, name, AdvancedJson("Email"));
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var first = await created.JsonAsync();
        Assert.Equal(name, first.GetProperty("name").GetString());
        AssertAdvanced(first.GetProperty("node"), crm, "Email");
        var stored = (AdvancedLookupNode)(await library.ListAsync()).Single(n => n.Name == name).Node;
        Assert.Equal(crm, stored.Integration);
        Assert.Equal("Email", stored.Condition!.Field);

        // The GET's node is the PUT's body: changed and put back under the same name (in another case), it replaces.
        using var replaced = await PutAsync(crm, name.ToUpperInvariant(), """
            { "type": "customer-lookup", "nodeId": "caller", "lookupType": "ExtraItemKey", "extraItemName": "Ticket",
              "searchParameter": "Ticket_Number", "freshLookupOnEachCall": false, "daysToGoBack": 7 }
            """);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var entry = Assert.Single(await library.ListAsync(), n => n.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(new CustomerLookupNode
        {
            NodeId = "caller", Integration = crm, LookupType = LookupType.ExtraItemKey, ExtraItemName = "Ticket",
            SearchParameter = "Ticket_Number", FreshLookupOnEachCall = false, DaysToGoBack = 7,
        }, entry.Node);
        var read = await (await fixture.Http.GetAsync(NodeUrl(crm, name))).JsonAsync();
        Assert.Equal("customer-lookup", read.GetProperty("node").GetProperty("type").GetString());
        Assert.Equal(7, read.GetProperty("node").GetProperty("daysToGoBack").GetInt32());
        Assert.Equal(entry.SavedAt, read.GetProperty("savedAt").GetDateTimeOffset());
    }

    [Theory]
    [InlineData("{ \"type\": \"advanced-lookup\", \"nodeId\": \"q\", ", "body", "is not valid JSON")]
    [InlineData("{ \"nodeId\": \"q\", \"primaryObject\": \"Contact\", \"fields\": [{ \"field\": \"Id\" }], \"freeFormWhere\": \"Id != null\" }", "type", "customer-lookup or advanced-lookup")]
    [InlineData("{ \"type\": \"screen-pop\", \"nodeId\": \"q\" }", "type", "customer-lookup or advanced-lookup")]
    [InlineData("{ \"type\": \"customer-lookup\", \"nodeId\": \"q\", \"primaryObject\": \"Contact\" }", "primaryObject", "is not a known member")]
    [InlineData("{ \"type\": \"customer-lookup\", \"lookupType\": \"AutomaticDetection\" }", "body", "nodeId")]
    [InlineData("{ \"type\": \"customer-lookup\", \"nodeId\": \"q\", \"integration\": \"dynamics\" }", "integration", "must be 'salesforce'")]
    [InlineData("{ \"type\": \"customer-lookup\", \"nodeId\": \"q\", \"daysToGoBack\": 0 }", "daysToGoBack", "between 1 and 3650")]
    [InlineData("{ \"type\": \"advanced-lookup\", \"nodeId\": \"q\", \"primaryObject\": \"Contact\", \"fields\": [] , \"freeFormWhere\": \"Id != null\" }", "fields", "at least one field")]
    [InlineData("{ \"type\": \"customer-lookup\", \"nodeId\": \"q\", \"NodeId\": \"r\" }", "nodeId", "more than once")]
    public async Task A_bad_node_is_a_400_naming_the_member_and_nothing_is_saved(string body, string field, string why)
    {
        var library = fixture.Grains.GetGrain<INodeLibraryGrain>(IntegrationNames.Salesforce);
        var name = "Bad node " + Guid.NewGuid().ToString("n");
        await library.SaveAsync(name, Node(IntegrationNames.Salesforce));
        var before = await SnapshotAsync(library);

        using var response = await PutAsync(IntegrationNames.Salesforce, name, body);

        var problem = await response.ProblemAsync(400);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Contains(why, problem.GetProperty("detail").GetString());
        Assert.Equal(before, await SnapshotAsync(library));
    }

    [Theory]
    [InlineData("%20%20")]
    [InlineData("")]
    [InlineData(null)]
    public async Task A_bad_name_is_a_400_naming_it_and_nothing_is_saved(string? escapedName)
    {
        var library = fixture.Grains.GetGrain<INodeLibraryGrain>(IntegrationNames.Dynamics);
        var before = await SnapshotAsync(library);
        // null stands for a name one character over the library's limit of 200.
        var url = $"/api/integrations/dynamics/nodes/{escapedName ?? new string('n', 201)}";
        using var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = Json("{ \"type\": \"customer-lookup\", \"nodeId\": \"q\" }") };

        using var response = await fixture.Http.SendAsync(request);

        var problem = await response.ProblemAsync(400);
        Assert.True(problem.GetProperty("errors").TryGetProperty("name", out _), problem.ToString());
        Assert.Equal(before, await SnapshotAsync(library));
    }

    [Fact]
    public async Task A_node_that_is_not_json_is_refused_by_its_media_type_and_nothing_is_saved()
    {
        var library = fixture.Grains.GetGrain<INodeLibraryGrain>(IntegrationNames.Salesforce);
        var name = "Plain " + Guid.NewGuid().ToString("n");
        using var request = new HttpRequestMessage(HttpMethod.Put, NodeUrl(IntegrationNames.Salesforce, name))
        {
            Content = new StringContent("{ \"type\": \"customer-lookup\", \"nodeId\": \"q\" }", Encoding.UTF8, "text/plain"),
        };

        using var response = await fixture.Http.SendAsync(request);

        await response.ProblemAsync(415);
        Assert.DoesNotContain(name, (await library.ListAsync()).Select(n => n.Name));
    }

    [Fact]
    public async Task Reading_a_node_that_is_not_saved_is_404_naming_it_and_a_path_that_is_not_a_crm_is_404()
    {
        var name = "Never " + Guid.NewGuid().ToString("n");

        using var absent = await fixture.Http.GetAsync(NodeUrl(IntegrationNames.Dynamics, name));

        var problem = await absent.ProblemAsync(404);
        Assert.Equal($"No node named '{name}' is saved in the dynamics node library.", problem.GetProperty("detail").GetString());
        Assert.Equal("name", problem.GetProperty("field").GetString());
        using var list = await fixture.Http.GetAsync($"/api/integrations/{IntegrationNames.Csi}/nodes");
        using var one = await fixture.Http.GetAsync(NodeUrl(IntegrationNames.Csi, name));
        using var put = await PutAsync(IntegrationNames.Csi, name, "{ \"type\": \"customer-lookup\", \"nodeId\": \"q\" }");
        foreach (var response in new[] { list, one, put })
        {
            Assert.Equal("crm", (await response.ProblemAsync(404)).GetProperty("field").GetString());
        }
    }

    [Fact]
    public async Task Without_the_admin_key_nothing_is_listed_read_or_saved()
    {
        var library = fixture.Grains.GetGrain<INodeLibraryGrain>(IntegrationNames.Salesforce);
        var name = "Anonymous " + Guid.NewGuid().ToString("n");
        using var put = new HttpRequestMessage(HttpMethod.Put, NodeUrl(IntegrationNames.Salesforce, name)) { Content = Json(AdvancedJson("Email")) };

        using var refused = await fixture.Anonymous.SendAsync(put);
        using var list = await fixture.Anonymous.GetAsync("/api/integrations/salesforce/nodes");

        await refused.ProblemAsync(401);
        await list.ProblemAsync(401);
        Assert.DoesNotContain(name, (await library.ListAsync()).Select(n => n.Name));
    }

    private static AdvancedLookupNode Advanced(string crm, string whereField) => new()
    {
        NodeId = "query", Integration = crm, PrimaryObject = "Contact",
        Fields = [new FieldMapping { Field = "Id", ExtraItem = "ContactId" }, new FieldMapping { Field = "Account.Name" }],
        Condition = new WhereCondition { Field = whereField, Operator = ConditionOperator.Equals, Value = "{{Email}}" },
        MultipleResults = MultipleResultsPolicy.TakeFirstResult,
    };

    private static string AdvancedJson(string whereField) => $$$"""
        { "type": "advanced-lookup", "nodeId": "query", "primaryObject": "Contact",
          "fields": [{ "field": "Id", "extraItem": "ContactId" }, { "field": "Account.Name" }],
          "condition": { "field": "{{{whereField}}}", "operator": "Equals", "value": "{{Email}}" }, "multipleResults": "TakeFirstResult" }
        """;

    private static void AssertAdvanced(JsonElement node, string crm, string whereField)
    {
        Assert.Equal("advanced-lookup", node.GetProperty("type").GetString());
        Assert.Equal("query", node.GetProperty("nodeId").GetString());
        Assert.Equal(crm, node.GetProperty("integration").GetString());
        Assert.Equal("Contact", node.GetProperty("primaryObject").GetString());
        Assert.Equal(["Id", "Account.Name"], node.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("field").GetString()));
        Assert.Equal("ContactId", node.GetProperty("fields")[0].GetProperty("extraItem").GetString());
        Assert.Equal(whereField, node.GetProperty("condition").GetProperty("field").GetString());
        Assert.Equal("{{Email}}", node.GetProperty("condition").GetProperty("value").GetString());
    }

    private Task<HttpResponseMessage> PutAsync(string crm, string name, string body) =>
        fixture.Http.PutAsync(NodeUrl(crm, name), Json(body));

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    // Every name with when it was saved: any save, also a replacing one, changes the saved-at.
    private static async Task<List<string>> SnapshotAsync(INodeLibraryGrain library) =>
        (await library.ListAsync()).Select(n => $"{n.Name} @ {n.SavedAt:O}").ToList();

    private static CustomerLookupNode Node(string crm) => new() { NodeId = "lookup", Integration = crm };

    // Each segment escaped on its own: a '/' in the name stays a path separator, which the catch-all route takes back.
    private static string NodeUrl(string crm, string name) =>
        $"/api/integrations/{crm}/nodes/{string.Join('/', name.Split('/').Select(Uri.EscapeDataString))}";
}
