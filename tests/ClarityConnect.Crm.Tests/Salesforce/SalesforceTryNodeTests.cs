using System.Text.Json.Nodes;
using ClarityConnect.Abstractions.Crm;
using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Abstractions.Nodes;
using ClarityConnect.Abstractions.Sessions;

namespace ClarityConnect.Crm.Tests.Salesforce;

/// <summary>"Try node" (<see cref="ICrmBuilderGrain.TryNodeAsync"/>): the exit a real session's RunNodeAsync takes, the queries sent, no trace left.</summary>
[Collection(SalesforceCollection.Name)]
public sealed class SalesforceTryNodeTests(SalesforceClusterFixture fixture)
{
    private ICrmBuilderGrain Builder => fixture.Grains.GetGrain<ICrmBuilderGrain>(IntegrationNames.Salesforce);

    [Fact]
    public async Task A_customer_lookup_by_phone_takes_the_exit_of_a_real_session_shows_its_search_and_is_not_remembered()
    {
        var line = Random.Shared.Next(1000, 9999).ToString();
        var phone = $"(415) 266-{line}";
        var contactId = fixture.Salesforce.AddRecord("Contact", new JsonObject { ["LastName"] = "Trial" + line, ["Phone"] = phone });
        var node = new CustomerLookupNode { NodeId = "try-" + line, Integration = IntegrationNames.Salesforce, FreshLookupOnEachCall = false, DaysToGoBack = 5 };

        var trial = await Builder.TryNodeAsync(node, new NodeTrialInput { CallerPhoneNumber = "415266" + line });

        Assert.Equal(NodeExit.Match, trial.Outcome.Exit);
        Assert.Equal(contactId, trial.Outcome.ExtraItemsSet["Salesforce.RecordId"]);
        Assert.Contains(trial.QueriesSent, q => q.StartsWith("FIND {\"415266" + line + "\"", StringComparison.Ordinal));
        Assert.True(trial.Elapsed > TimeSpan.Zero);

        // A real call afterwards searches the CRM itself: the trial left no match behind for Fresh Lookup off to reuse.
        var real = await RunAsync(new SessionStart { Channel = SessionChannel.Voice, CallerPhoneNumber = "415266" + line }, node);
        Assert.False(real.ReusedEarlierRecord);
        Assert.Equal(trial.Outcome.Exit, real.Exit);
        Assert.Equal(trial.Outcome.ExtraItemsSet, real.ExtraItemsSet);
    }

    [Fact]
    public async Task An_advanced_lookup_with_value_boxes_takes_the_same_exit_and_sets_the_same_items_as_a_real_session()
    {
        var tag = Guid.NewGuid().ToString("n")[..8];
        var accountId = fixture.Salesforce.AddRecord("Account", new JsonObject { ["Name"] = "Initech " + tag });
        foreach (var status in new[] { "New", "Escalated" })
        {
            fixture.Salesforce.AddRecord("Case", new JsonObject { ["Subject"] = "Printer " + tag, ["Status"] = status, ["AccountId"] = accountId });
        }

        var node = new AdvancedLookupNode
        {
            NodeId = "cases-" + tag, Integration = IntegrationNames.Salesforce, PrimaryObject = "Case",
            MultipleResults = MultipleResultsPolicy.TakeAllResultsCsv,
            Fields = [new FieldMapping { Field = "Status", ExtraItem = "CaseStatus" }, new FieldMapping { Field = "Account.Name", ExtraItem = "CaseAccount" }],
            FreeFormWhere = "Subject = '{{Product}} {{Tag}}' AND Status != 'Closed'",
        };
        var values = new Dictionary<string, string> { ["Product"] = "Printer", ["Tag"] = tag };

        var trial = await Builder.TryNodeAsync(node, new NodeTrialInput { ExtraItems = values });
        var real = await RunAsync(new SessionStart { Channel = SessionChannel.Voice, ExtraItems = values }, node);

        Assert.Equal(NodeExit.MultipleResults, trial.Outcome.Exit);
        Assert.Equal(real.Exit, trial.Outcome.Exit);
        Assert.Equal(real.ExtraItemsSet, trial.Outcome.ExtraItemsSet);
        Assert.Equal($"Initech {tag},Initech {tag}", trial.Outcome.ExtraItemsSet["CaseAccount"]);
        Assert.Equal([$"SELECT Id, Status, Account.Name FROM Case WHERE Subject = 'Printer {tag}' AND Status != 'Closed'"], trial.QueriesSent);
    }

    [Fact]
    public async Task A_query_the_crm_rejects_takes_the_no_results_exit_with_the_crms_error_and_a_malformed_node_is_refused()
    {
        var node = new AdvancedLookupNode
        {
            NodeId = "bad", Integration = IntegrationNames.Salesforce, PrimaryObject = "Case",
            Fields = [new FieldMapping { Field = "Status", ExtraItem = "S" }], FreeFormWhere = "Subject = = 'x'",
        };

        var trial = await Builder.TryNodeAsync(node, new NodeTrialInput());

        Assert.Equal(NodeExit.NoResults, trial.Outcome.Exit);
        Assert.Contains("MALFORMED_QUERY", trial.Outcome.Reason);
        var refused = await Assert.ThrowsAsync<InvalidRequestException>(() => Builder.TryNodeAsync(node with { FreeFormWhere = null }, new NodeTrialInput()));
        Assert.Equal("Condition", refused.Field);
    }

    private async Task<NodeOutcome> RunAsync(SessionStart start, IntegrationNode node)
    {
        var session = fixture.Grains.GetGrain<ISessionGrain>("sf-" + Guid.NewGuid().ToString("n"));
        await session.StartAsync(start);
        return await session.RunNodeAsync(node);
    }
}
