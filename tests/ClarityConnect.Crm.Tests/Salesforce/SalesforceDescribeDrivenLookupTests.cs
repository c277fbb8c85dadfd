using System.Text.Json.Nodes;
using ClarityConnect.Abstractions.Crm;
using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Abstractions.Nodes;
using ClarityConnect.Abstractions.Sessions;

namespace ClarityConnect.Crm.Tests.Salesforce;

/// <summary>Lookups select and filter on what the object's describe says it has (issue 13, finding 4).</summary>
[Collection(SalesforceCollection.Name)]
public sealed class SalesforceDescribeDrivenLookupTests(SalesforceClusterFixture fixture)
{
    [Fact]
    public async Task An_extra_item_key_on_a_custom_object_without_phone_fields_matches()
    {
        var number = "TCK-" + Guid.NewGuid().ToString("n")[..8];
        var ticketId = fixture.Salesforce.AddRecord("Ticket__c", new JsonObject { ["Name"] = "Broken router " + number, ["Ticket_Number__c"] = number });

        var (session, outcome) = await RunAsync(number, "Ticket__c.Ticket_Number__c");

        Assert.True(outcome.Exit == NodeExit.Match, outcome.Reason);
        Assert.Equal((ticketId, "Ticket__c", "Broken router " + number), (outcome.Records[0].RecordId, outcome.Records[0].ObjectType, outcome.Records[0].Name));
        Assert.Equal($"SELECT Id, Name, LastModifiedDate FROM Ticket__c WHERE Ticket_Number__c = '{number}' LIMIT 50", fixture.Salesforce.Queries.Last());
        var items = (await session.GetAsync()).ExtraItems;
        Assert.Equal(("Ticket__c", "Broken router " + number), (items["Salesforce.ObjectType"], items["Salesforce.Name"]));
        Assert.False(items.ContainsKey("Salesforce.Phone"));
    }

    [Fact]
    public async Task A_search_parameter_naming_a_field_the_object_lacks_is_refused_by_validation_and_exits_no_match_naming_it()
    {
        var builder = fixture.Grains.GetGrain<ICrmBuilderGrain>(IntegrationNames.Salesforce);
        var node = Node("Ticket__c.Customer_Phone__c");

        var validation = await builder.ValidateLookupAsync(node);
        var queries = fixture.Salesforce.Queries.Count;
        var (_, outcome) = await RunAsync("TCK-1", node.SearchParameter!);

        Assert.False(validation.Valid);
        Assert.Contains("Ticket__c has no field 'Customer_Phone__c'", validation.Message);
        Assert.True((await builder.ValidateLookupAsync(Node("Ticket__c.Ticket_Number__c"))).Valid);
        Assert.Equal(NodeExit.NoMatch, outcome.Exit);
        Assert.Contains("Ticket__c has no field 'Customer_Phone__c'", outcome.Reason);
        Assert.Equal(queries, fixture.Salesforce.Queries.Count);
    }

    private static CustomerLookupNode Node(string searchParameter) => new()
    {
        NodeId = "by-ticket", Integration = IntegrationNames.Salesforce, LookupType = LookupType.ExtraItemKey, ExtraItemName = "Ticket", SearchParameter = searchParameter,
    };

    private async Task<(ISessionGrain Session, NodeOutcome Outcome)> RunAsync(string ticket, string searchParameter)
    {
        var session = fixture.Grains.GetGrain<ISessionGrain>("sf-" + Guid.NewGuid().ToString("n"));
        await session.StartAsync(new SessionStart { Channel = SessionChannel.Voice, ExtraItems = new Dictionary<string, string> { ["Ticket"] = ticket } });
        return (session, await session.RunNodeAsync(Node(searchParameter)));
    }
}
