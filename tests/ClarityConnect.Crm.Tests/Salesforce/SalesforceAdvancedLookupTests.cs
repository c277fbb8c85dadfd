using System.Text.Json.Nodes;
using ClarityConnect.Abstractions.Crm;
using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Abstractions.Nodes;
using ClarityConnect.Abstractions.Sessions;

namespace ClarityConnect.Crm.Tests.Salesforce;

[Collection(SalesforceCollection.Name)]
public sealed class SalesforceAdvancedLookupTests(SalesforceClusterFixture fixture)
{
    [Fact]
    public async Task One_record_takes_the_single_result_exit_and_maps_fields_including_relationship_fields()
    {
        var tag = Tag();
        var accountId = fixture.Salesforce.AddRecord("Account", new JsonObject { ["Name"] = "Globex " + tag });
        fixture.Salesforce.AddRecord("Case", new JsonObject { ["Subject"] = "Broken " + tag, ["Status"] = "New", ["AccountId"] = accountId });

        var outcome = await RunAsync(Node(tag, MultipleResultsPolicy.TakeFirstResult), new() { ["Ticket"] = "Broken " + tag });

        Assert.Equal(NodeExit.SingleResult, outcome.Exit);
        Assert.Equal(("New", "Globex " + tag), (outcome.ExtraItemsSet["CaseStatus"], outcome.ExtraItemsSet["CaseAccount"]));
    }

    [Fact]
    public async Task Several_records_follow_the_multiple_results_policy()
    {
        var tag = Tag();
        foreach (var (subject, status) in new[] { ("A", "New"), ("B", "Closed, \"done\""), ("C", "Escalated") })
        {
            fixture.Salesforce.AddRecord("Case", new JsonObject { ["Subject"] = $"{subject} {tag}", ["Status"] = status });
        }

        var free = new AdvancedLookupNode
        {
            NodeId = "cases", Integration = IntegrationNames.Salesforce, PrimaryObject = "Case",
            Fields = [new FieldMapping { Field = "Status", ExtraItem = "CaseStatus" }],
            FreeFormWhere = "Subject LIKE '%{{Tag}}' AND Status != 'Deleted'",
        };
        var values = new Dictionary<string, string> { ["Tag"] = tag };

        var first = await RunAsync(free with { MultipleResults = MultipleResultsPolicy.TakeFirstResult }, values);
        Assert.Equal(NodeExit.SingleResult, first.Exit);

        fixture.Salesforce.PageSize = 2;
        try
        {
            var all = await RunAsync(free with { MultipleResults = MultipleResultsPolicy.TakeAllResultsCsv }, values);
            Assert.Equal(NodeExit.MultipleResults, all.Exit);
            Assert.Equal("New,\"Closed, \"\"done\"\"\",Escalated", all.ExtraItemsSet["CaseStatus"]);
            Assert.Contains(fixture.Salesforce.Requests, r => r.Path.Contains("/query/", StringComparison.Ordinal));
        }
        finally
        {
            fixture.Salesforce.PageSize = 2000;
        }
    }

    [Fact]
    public async Task No_records_or_a_failing_query_take_the_no_results_exit()
    {
        var none = await RunAsync(Node(Tag(), MultipleResultsPolicy.TakeFirstResult), new() { ["Ticket"] = "nothing like this" });
        Assert.Equal(NodeExit.NoResults, none.Exit);

        var unknownField = await RunAsync(Node(Tag(), MultipleResultsPolicy.TakeFirstResult) with { Fields = [new FieldMapping { Field = "Nonsense__c", ExtraItem = "X" }] }, new() { ["Ticket"] = "x" });
        Assert.Equal(NodeExit.NoResults, unknownField.Exit);
        Assert.Contains("Nonsense__c", unknownField.Reason);

        var missingItem = await RunAsync(Node(Tag(), MultipleResultsPolicy.TakeFirstResult), []);
        Assert.Equal(NodeExit.NoResults, missingItem.Exit);
        Assert.Contains("Ticket", missingItem.Reason);
    }

    [Fact]
    public async Task Placeholder_values_are_escaped_for_the_literal_they_stand_in()
    {
        var node = new AdvancedLookupNode
        {
            NodeId = "hostile", Integration = IntegrationNames.Salesforce, PrimaryObject = "Contact",
            Fields = [new FieldMapping { Field = "Email", ExtraItem = "Email" }],
            FreeFormWhere = "LastName = '{{Caller}}' OR Title LIKE '{{Caller}}%' OR Phone = {{Caller}}",
        };

        var outcome = await RunAsync(node, new() { ["Caller"] = @"x' OR Name != '\%_" });

        Assert.Equal(NodeExit.NoResults, outcome.Exit);
        Assert.Equal(@"SELECT Id, Email FROM Contact WHERE LastName = 'x\' OR Name != \'\\%_' OR Title LIKE 'x\' OR Name != \'\\\%\_%' OR Phone = 'x\' OR Name != \'\\%_' LIMIT 1",
            fixture.Salesforce.Queries.Last());
    }

    [Fact]
    public async Task The_builder_lists_objects_and_fields_generates_value_boxes_and_validates_queries()
    {
        var builder = fixture.Grains.GetGrain<ICrmBuilderGrain>(IntegrationNames.Salesforce);

        Assert.Contains(await builder.ListObjectsAsync(), o => o.Name == "Contact");
        var plain = await builder.ListFieldsAsync("Contact", extended: false);
        var extended = await builder.ListFieldsAsync("Contact", extended: true);
        Assert.Contains(plain, f => f.Name == "AccountId" && f.RelationshipName == "Account");
        Assert.DoesNotContain(plain, f => f.Name == "Account.Name");
        Assert.Contains(extended, f => f.Name == "Account.Name");

        var node = new AdvancedLookupNode
        {
            NodeId = "v", Integration = IntegrationNames.Salesforce, PrimaryObject = "Contact", Fields = [new FieldMapping { Field = "Name" }],
            FreeFormWhere = "Phone = '{{SYSTEM.CallerPhoneNumber}}' AND LastName = '{{Surname}}' OR Email = '{{SYSTEM.CallerPhoneNumber}}'",
        };
        Assert.Equal(["SYSTEM.CallerPhoneNumber", "Surname"], await builder.GetPlaceholdersAsync(node));

        var surname = "Valid" + Tag();
        fixture.Salesforce.AddRecord("Contact", new JsonObject { ["LastName"] = surname });
        var valid = await builder.ValidateQueryAsync(node with { FreeFormWhere = "LastName = '{{Surname}}'" }, new Dictionary<string, string> { ["Surname"] = surname });
        Assert.True(valid.Valid, valid.Message);
        Assert.Equal(1, valid.RecordCount);

        var invalid = await builder.ValidateQueryAsync(node with { FreeFormWhere = "LastName === 'x'" }, new Dictionary<string, string>());
        Assert.False(invalid.Valid);
        Assert.Contains("MALFORMED_QUERY", invalid.Message);
        await Assert.ThrowsAsync<InvalidRequestException>(() => builder.ListFieldsAsync("NoSuchObject__c", false));
    }

    private static AdvancedLookupNode Node(string tag, MultipleResultsPolicy policy) => new()
    {
        NodeId = "case-" + tag, Integration = IntegrationNames.Salesforce, PrimaryObject = "Case", MultipleResults = policy,
        Fields = [new FieldMapping { Field = "Status", ExtraItem = "CaseStatus" }, new FieldMapping { Field = "Account.Name", ExtraItem = "CaseAccount" }],
        Condition = new WhereCondition { Field = "Subject", Operator = ConditionOperator.Equals, Value = "{{Ticket}}" },
    };

    private async Task<NodeOutcome> RunAsync(AdvancedLookupNode node, Dictionary<string, string> extraItems)
    {
        var session = fixture.Grains.GetGrain<ISessionGrain>("sf-" + Guid.NewGuid().ToString("n"));
        await session.StartAsync(new SessionStart { Channel = SessionChannel.Voice, ExtraItems = extraItems });
        return await session.RunNodeAsync(node);
    }

    private static string Tag() => Guid.NewGuid().ToString("n")[..8];
}
