using System.Text.Json.Nodes;
using ClarityConnect.Abstractions.Crm;
using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Abstractions.Nodes;
using ClarityConnect.Abstractions.Sessions;

namespace ClarityConnect.Crm.Tests.Dataverse;

[Collection(DataverseCollection.Name)]
public sealed class DataverseAdvancedLookupTests(DataverseClusterFixture fixture)
{
    [Fact]
    public async Task Dataverse_maps_one_record_and_a_related_column_through_expand()
    {
        var tag = Tag();
        var accountId = fixture.Dataverse.AddRecord("account", new JsonObject { ["name"] = "Globex " + tag });
        fixture.Dataverse.AddRecord("contact", new JsonObject { ["lastname"] = "Adv" + tag, ["fullname"] = "Adv" + tag, ["jobtitle"] = "Buyer", ["_parentcustomerid_value"] = accountId.ToString() });

        var outcome = await RunAsync(Node(MultipleResultsPolicy.TakeFirstResult), new() { ["Surname"] = "Adv" + tag });

        Assert.Equal(NodeExit.SingleResult, outcome.Exit);
        Assert.Equal(("Buyer", "Globex " + tag), (outcome.ExtraItemsSet["Title"], outcome.ExtraItemsSet["Company"]));
        Assert.Contains(fixture.Dataverse.Requests, r => Uri.UnescapeDataString(r.QueryString).Contains("$expand=parentcustomerid_account", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dataverse_follows_the_multiple_results_policy_across_pages()
    {
        var tag = Tag();
        foreach (var title in new[] { "Buyer", "Head, \"Procurement\"", "Clerk" })
        {
            fixture.Dataverse.AddRecord("contact", new JsonObject { ["lastname"] = "Multi" + tag, ["fullname"] = "Multi" + tag, ["jobtitle"] = title });
        }

        var node = new AdvancedLookupNode
        {
            NodeId = "multi", Integration = IntegrationNames.Dynamics, PrimaryObject = "contact",
            Fields = [new FieldMapping { Field = "jobtitle", ExtraItem = "Title" }],
            FreeFormWhere = "lastname eq '{{Surname}}' and jobtitle ne null",
        };
        Assert.Equal(NodeExit.SingleResult, (await RunAsync(node, new() { ["Surname"] = "Multi" + tag })).Exit);

        fixture.Dataverse.MaxPageSize = 2;
        try
        {
            var all = await RunAsync(node with { MultipleResults = MultipleResultsPolicy.TakeAllResultsCsv }, new() { ["Surname"] = "Multi" + tag });
            Assert.Equal(NodeExit.MultipleResults, all.Exit);
            Assert.Equal(["Buyer", "Clerk", "Head, \"Procurement\""], SplitCsv(all.ExtraItemsSet["Title"]).Order());
            Assert.Contains(fixture.Dataverse.Requests, r => Uri.UnescapeDataString(r.QueryString).Contains("skiptoken", StringComparison.OrdinalIgnoreCase));
        }
        finally
        {
            fixture.Dataverse.MaxPageSize = 5000;
        }
    }

    [Fact]
    public async Task Dataverse_takes_no_results_for_nothing_found_an_unknown_column_or_a_missing_extra_item()
    {
        Assert.Equal(NodeExit.NoResults, (await RunAsync(Node(MultipleResultsPolicy.TakeFirstResult), new() { ["Surname"] = "nobody-" + Tag() })).Exit);
        var unknown = await RunAsync(Node(MultipleResultsPolicy.TakeFirstResult) with { Fields = [new FieldMapping { Field = "nonsense_col", ExtraItem = "X" }] }, new() { ["Surname"] = "x" });
        Assert.Equal(NodeExit.NoResults, unknown.Exit);
        Assert.Contains("nonsense_col", unknown.Reason);
        Assert.Contains("Surname", (await RunAsync(Node(MultipleResultsPolicy.TakeFirstResult), [])).Reason);
    }

    [Fact]
    public async Task Dataverse_escapes_placeholder_values_as_odata_literals_and_the_filter_keeps_its_meaning()
    {
        fixture.Dataverse.AddRecord("contact", new JsonObject { ["lastname"] = "Bystander", ["fullname"] = "Bystander", ["jobtitle"] = "Witness" });
        var node = new AdvancedLookupNode
        {
            NodeId = "hostile", Integration = IntegrationNames.Dynamics, PrimaryObject = "contact",
            Fields = [new FieldMapping { Field = "jobtitle", ExtraItem = "Title" }],
            FreeFormWhere = "lastname eq '{{Caller}}' or contains(fullname,{{Caller}})",
        };

        var outcome = await RunAsync(node, new() { ["Caller"] = "x' or lastname ne 'y) or (1 eq 1 +&" });

        Assert.Equal(NodeExit.NoResults, outcome.Exit);
        Assert.Equal("lastname eq 'x'' or lastname ne ''y) or (1 eq 1 +&' or contains(fullname,'x'' or lastname ne ''y) or (1 eq 1 +&')", fixture.Dataverse.Filters.Last());
    }

    [Fact]
    public async Task Dataverse_builder_lists_tables_and_columns_generates_value_boxes_and_validates_queries()
    {
        var builder = fixture.Grains.GetGrain<ICrmBuilderGrain>(IntegrationNames.Dynamics);

        Assert.Contains(await builder.ListObjectsAsync(), o => o.Name == "contact");
        Assert.DoesNotContain(await builder.ListFieldsAsync("contact", false), f => f.Name == "parentcustomerid_account.name");
        Assert.Contains(await builder.ListFieldsAsync("contact", true), f => f.Name == "parentcustomerid_account.name");
        Assert.Equal(["Surname"], await builder.GetPlaceholdersAsync(Node(MultipleResultsPolicy.TakeFirstResult)));

        var surname = "Valid" + Tag();
        fixture.Dataverse.AddRecord("contact", new JsonObject { ["lastname"] = surname, ["fullname"] = surname });
        var valid = await builder.ValidateQueryAsync(Node(MultipleResultsPolicy.TakeFirstResult), new Dictionary<string, string> { ["Surname"] = surname });
        Assert.True(valid.Valid, valid.Message);
        Assert.Equal(1, valid.RecordCount);

        var invalid = await builder.ValidateQueryAsync(Node(MultipleResultsPolicy.TakeFirstResult) with { Condition = null, FreeFormWhere = "lastname eq 'unterminated" }, new Dictionary<string, string>());
        Assert.False(invalid.Valid);
        Assert.Contains("not terminated", invalid.Message);
        var refused = await builder.ValidateQueryAsync(Node(MultipleResultsPolicy.TakeFirstResult) with { Condition = null, FreeFormWhere = "lastname eq eq 'x'" }, new Dictionary<string, string>());
        Assert.False(refused.Valid);
    }

    private static AdvancedLookupNode Node(MultipleResultsPolicy policy) => new()
    {
        NodeId = "contacts", Integration = IntegrationNames.Dynamics, PrimaryObject = "contact", MultipleResults = policy,
        Fields = [new FieldMapping { Field = "jobtitle", ExtraItem = "Title" }, new FieldMapping { Field = "parentcustomerid_account.name", ExtraItem = "Company" }],
        Condition = new WhereCondition { Field = "lastname", Operator = ConditionOperator.Equals, Value = "{{Surname}}" },
    };

    private async Task<NodeOutcome> RunAsync(AdvancedLookupNode node, Dictionary<string, string> extraItems)
    {
        var session = fixture.Grains.GetGrain<ISessionGrain>("dv-" + Guid.NewGuid().ToString("n"));
        await session.StartAsync(new SessionStart { Channel = SessionChannel.Voice, ExtraItems = extraItems });
        return await session.RunNodeAsync(node);
    }

    private static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"') { current.Append('"'); i++; }
            else if (c == '"') { quoted = !quoted; }
            else if (c == ',' && !quoted) { fields.Add(current.ToString()); current.Clear(); }
            else { current.Append(c); }
        }

        fields.Add(current.ToString());
        return fields;
    }

    private static string Tag() => Guid.NewGuid().ToString("n")[..8];
}
