using System.Text.Json.Nodes;
using ClarityConnect.Connectors.Dataverse;

namespace ClarityConnect.Connectors.Tests.Dataverse;

public sealed class DataverseQueryTests
{
    [Fact]
    public async Task Pages_are_followed_through_next_link_with_the_same_page_size()
    {
        await using var harness = await DataverseHarness.StartAsync();
        for (var i = 0; i < 7; i++)
        {
            harness.Double.AddRecord("contact", new JsonObject { ["fullname"] = $"Person {i}", ["telephone1"] = "5550100" });
        }

        var page = await harness.Client.QueryAsync("contacts", "fullname", OData.Equal("telephone1", "5550100"), null, null, 3, count: true, CancellationToken.None);
        var names = page.Records.Select(r => (string?)r["fullname"]).ToList();
        Assert.Equal(7, page.Count);
        while (page.NextLink is { } next)
        {
            page = await harness.Client.NextPageAsync(next, 3, CancellationToken.None);
            names.AddRange(page.Records.Select(r => (string?)r["fullname"]));
        }

        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"Person {i}"), names);
        var requests = harness.Double.WebApiRequests;
        Assert.Equal(3, requests.Count);
        Assert.All(requests, r => Assert.Contains("odata.maxpagesize=3", r.Prefer, StringComparison.Ordinal));
        Assert.All(requests, r => Assert.Equal("telephone1 eq '5550100'", r.Filter));
        Assert.Contains("$skiptoken=", requests[1].QueryString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Next_link_to_another_host_is_refused()
    {
        await using var harness = await DataverseHarness.StartAsync();

        await Assert.ThrowsAsync<ArgumentException>(() =>
            harness.Client.NextPageAsync("https://evil.example/api/data/v9.2/contacts?$skiptoken=x", 10, CancellationToken.None));
    }

    [Fact]
    public async Task Expand_resolves_the_parent_account_and_lookup_annotations()
    {
        await using var harness = await DataverseHarness.StartAsync();
        var account = harness.Double.AddRecord("account", new JsonObject { ["name"] = "Contoso", ["telephone1"] = "5550199" });
        harness.Double.AddRecord("contact", new JsonObject { ["fullname"] = "Ann Lee", ["telephone1"] = "5550100", ["_parentcustomerid_value"] = account.ToString() });

        var page = await harness.Client.QueryAsync(
            "contacts", "fullname,_parentcustomerid_value", "parentcustomerid_account/name eq 'contoso'", "parentcustomerid_account($select=name,telephone1)", 5, 50, CancellationToken.None);

        var record = Assert.Single(page.Records);
        Assert.Equal("Contoso", (string?)record["parentcustomerid_account"]?["name"]);
        Assert.Equal(account.ToString(), (string?)record["_parentcustomerid_value"]);
        Assert.Equal("account", (string?)record["_parentcustomerid_value@Microsoft.Dynamics.CRM.lookuplogicalname"]);
        Assert.Equal("Contoso", (string?)record["_parentcustomerid_value@OData.Community.Display.V1.FormattedValue"]);
        var request = harness.Double.WebApiRequests.Single();
        Assert.Contains("$top=5", request.QueryString, StringComparison.Ordinal);
        Assert.DoesNotContain("maxpagesize", request.Prefer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_compare_strings_case_insensitively_and_handle_null_and_functions()
    {
        await using var harness = await DataverseHarness.StartAsync();
        harness.Double.AddRecord("contact", new JsonObject { ["fullname"] = "Ann Lee", ["mobilephone"] = "+15550100" });
        harness.Double.AddRecord("contact", new JsonObject { ["fullname"] = "Bob Stone", ["mobilephone"] = null });

        async Task<IEnumerable<string?>> Names(string filter) =>
            (await harness.Client.QueryAsync("contacts", "fullname", filter, null, null, 50, CancellationToken.None)).Records.Select(r => (string?)r["fullname"]);

        Assert.Equal(["Ann Lee"], await Names("fullname eq 'ANN LEE'"));
        Assert.Equal(["Bob Stone"], await Names("mobilephone eq null"));
        Assert.Equal(["Ann Lee"], await Names("startswith(mobilephone,'+1555') and not contains(fullname,'stone')"));
        Assert.Equal(["Ann Lee", "Bob Stone"], await Names("endswith(fullname,'LEE') or fullname ne 'ann lee'"));
        Assert.Equal("And(startswith(mobilephone, \"+1555\"), Not(contains(fullname, \"stone\")))", harness.Double.Filters.Count > 2 ? harness.Double.Requests.Where(r => r.Filter is not null).ElementAt(2).FilterAst : null);
    }

    [Fact]
    public async Task Phone_columns_match_only_their_exact_stored_text()
    {
        await using var harness = await DataverseHarness.StartAsync();
        harness.Double.AddRecord("contact", new JsonObject { ["fullname"] = "Uma Abroad", ["telephone1"] = "+44 7700 900123" });
        harness.Double.AddRecord("contact", new JsonObject { ["fullname"] = "Lou Local", ["mobilephone"] = "555-0177" });

        async Task<string[]> Names(string column, string text) =>
            (await harness.Client.QueryAsync("contacts", "fullname", OData.Equal(column, text), null, null, 50, CancellationToken.None)).Records.Select(r => (string)r["fullname"]!).ToArray();

        Assert.Equal(["Uma Abroad"], await Names("telephone1", "+44 7700 900123"));
        Assert.Equal(["Lou Local"], await Names("mobilephone", "555-0177"));
        foreach (var other in new[] { "+447700900123", "447700900123", "07700 900123", "+44 7700 900 123", " +44 7700 900123" })
        {
            Assert.Empty(await Names("telephone1", other));
        }

        foreach (var other in new[] { "5550177", "555 0177", "555.0177", "(425) 555-0177", "555-0177 " })
        {
            Assert.Empty(await Names("mobilephone", other));
        }
    }

    [Fact]
    public async Task Record_url_points_to_the_model_driven_app()
    {
        await using var harness = await DataverseHarness.StartAsync();
        var id = Guid.Parse("49b0be2e-d01c-ed11-b83e-000d3a572421");
        await harness.Client.QueryAsync("contacts", "fullname", null, null, null, 1, CancellationToken.None);

        var url = harness.Client.RecordUrl("contact", id);

        Assert.Equal($"{harness.Double.BaseUrl.GetLeftPart(UriPartial.Authority)}/main.aspx?etn=contact&pagetype=entityrecord&id=49b0be2e-d01c-ed11-b83e-000d3a572421", url.AbsoluteUri);
        Assert.Equal(harness.Double.BaseUrl, await harness.Client.GetInstanceUrlAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Create_returns_the_id_from_OData_EntityId()
    {
        await using var harness = await DataverseHarness.StartAsync();

        var id = await harness.Client.CreateAsync("contacts", new JsonObject { ["firstname"] = "Ann", ["lastname"] = "Lee" }, CancellationToken.None);

        Assert.Equal("Lee", (string?)harness.Double.GetRecord("contact", id)?["lastname"]);
    }

    [Fact]
    public async Task A_select_or_filter_of_a_column_the_table_lacks_is_refused_as_dataverse_does()
    {
        await using var harness = await DataverseHarness.StartAsync();
        harness.Double.RemoveAttribute("contact", "emailaddress3");

        var select = await Assert.ThrowsAsync<DataverseApiException>(() => harness.Client.QueryAsync("contacts", "contactid,emailaddress3", null, null, 1, 50, CancellationToken.None));
        var filter = await Assert.ThrowsAsync<DataverseApiException>(() => harness.Client.QueryAsync("contacts", "contactid", "emailaddress3 eq 'x'", null, 1, 50, CancellationToken.None));

        foreach (var error in new[] { select, filter })
        {
            Assert.Equal(System.Net.HttpStatusCode.BadRequest, error.StatusCode);
            Assert.Equal("Could not find a property named 'emailaddress3' on type 'Microsoft.Dynamics.CRM.contact'.", error.ErrorMessage);
        }
    }
}
