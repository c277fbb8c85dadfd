using System.Text.Json.Nodes;
using ClarityConnect.Abstractions.Crm;
using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Abstractions.Nodes;
using ClarityConnect.Abstractions.Sessions;

namespace ClarityConnect.Crm.Tests.Dataverse;

/// <summary>Lookups select and filter on what the table's metadata says it has, and read relationships only when a related
/// column is used (issue 13, finding 4).</summary>
[Collection(DataverseCollection.Name)]
public sealed class DataverseMetadataDrivenLookupTests(DataverseClusterFixture fixture)
{
    [Fact]
    public async Task An_e_mail_lookup_on_a_contact_table_without_emailaddress3_skips_that_column_and_matches()
    {
        var mailbox = $"second{Guid.NewGuid():n}@example.org";
        var contactId = fixture.Dataverse.AddRecord("contact", new JsonObject { ["lastname"] = "Mailbox", ["fullname"] = "Mailbox Two", ["emailaddress2"] = mailbox });

        var outcome = await RunAsync(new SessionStart { Channel = SessionChannel.Chat, SipAddress = $"sip:{mailbox}" }, new CustomerLookupNode { NodeId = "lookup", Integration = IntegrationNames.Dynamics });

        Assert.True(outcome.Exit == NodeExit.Match, outcome.Reason);
        Assert.Equal(contactId.ToString(), outcome.Records[0].RecordId);
        var contactFilter = Assert.Single(fixture.Dataverse.Requests, r => r.Path.EndsWith("/contacts", StringComparison.Ordinal) && r.Filter?.Contains(mailbox, StringComparison.Ordinal) == true).Filter!;
        Assert.Contains($"emailaddress2 eq '{mailbox}'", contactFilter);
        Assert.DoesNotContain("emailaddress3", contactFilter);
    }

    [Fact]
    public async Task An_advanced_lookup_reads_relationship_metadata_only_when_it_uses_a_related_column()
    {
        var number = "T-" + Guid.NewGuid().ToString("n")[..8];
        var customer = fixture.Dataverse.AddRecord("contact", new JsonObject { ["lastname"] = "Ticketholder", ["fullname"] = "Tina Ticketholder" });
        fixture.Dataverse.AddRecord("new_ticket", new JsonObject { ["new_number"] = number, ["new_subject"] = "No dial tone", ["_new_customerid_value"] = customer.ToString() });
        var plain = new AdvancedLookupNode
        {
            NodeId = "ticket", Integration = IntegrationNames.Dynamics, PrimaryObject = "new_ticket",
            Fields = [new FieldMapping { Field = "new_subject", ExtraItem = "Subject" }],
            Condition = new WhereCondition { Field = "new_number", Operator = ConditionOperator.Equals, Value = "{{Ticket}}" },
        };

        var withoutRelated = await RunAsync(new SessionStart { Channel = SessionChannel.Voice, ExtraItems = new Dictionary<string, string> { ["Ticket"] = number } }, plain);

        Assert.True(withoutRelated.Exit == NodeExit.SingleResult, withoutRelated.Reason);
        Assert.Equal("No dial tone", withoutRelated.ExtraItemsSet["Subject"]);
        Assert.Contains(fixture.Dataverse.Requests, r => r.Path.EndsWith("EntityDefinitions(LogicalName='new_ticket')/Attributes", StringComparison.Ordinal));
        Assert.DoesNotContain(fixture.Dataverse.Requests, r => r.Path.Contains("ManyToOneRelationships", StringComparison.Ordinal) && r.Path.Contains("'new_ticket'", StringComparison.Ordinal));

        var related = plain with { Fields = [.. plain.Fields, new FieldMapping { Field = "new_customerid.fullname", ExtraItem = "Customer" }] };
        var withRelated = await RunAsync(new SessionStart { Channel = SessionChannel.Voice, ExtraItems = new Dictionary<string, string> { ["Ticket"] = number } }, related);

        Assert.True(withRelated.Exit == NodeExit.SingleResult, withRelated.Reason);
        Assert.Equal("Tina Ticketholder", withRelated.ExtraItemsSet["Customer"]);
        Assert.Contains(fixture.Dataverse.Requests, r => r.Path.EndsWith("EntityDefinitions(LogicalName='new_ticket')/ManyToOneRelationships", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_search_parameter_naming_a_column_the_table_lacks_is_refused_by_validation_and_exits_no_match_naming_it()
    {
        var builder = fixture.Grains.GetGrain<ICrmBuilderGrain>(IntegrationNames.Dynamics);
        var node = new CustomerLookupNode
        {
            NodeId = "by-ticket", Integration = IntegrationNames.Dynamics, LookupType = LookupType.ExtraItemKey, ExtraItemName = "Ticket", SearchParameter = "new_ticket.new_loyaltyid",
        };

        var validation = await builder.ValidateLookupAsync(node);
        var outcome = await RunAsync(new SessionStart { Channel = SessionChannel.Voice, ExtraItems = new Dictionary<string, string> { ["Ticket"] = "T-1" } }, node);

        Assert.False(validation.Valid);
        Assert.Contains("new_ticket has no column 'new_loyaltyid'", validation.Message);
        Assert.True((await builder.ValidateLookupAsync(node with { SearchParameter = "new_ticket.new_number" })).Valid);
        Assert.Equal(NodeExit.NoMatch, outcome.Exit);
        Assert.Contains("new_ticket has no column 'new_loyaltyid'", outcome.Reason);
    }

    [Fact]
    public async Task An_extra_item_key_on_a_custom_table_matches_with_the_columns_it_has()
    {
        var number = "T-" + Guid.NewGuid().ToString("n")[..8];
        var ticket = fixture.Dataverse.AddRecord("new_ticket", new JsonObject { ["new_number"] = number, ["new_subject"] = "Line noise" });
        var node = new CustomerLookupNode
        {
            NodeId = "by-ticket", Integration = IntegrationNames.Dynamics, LookupType = LookupType.ExtraItemKey, ExtraItemName = "Ticket", SearchParameter = "new_ticket.new_number",
        };

        var outcome = await RunAsync(new SessionStart { Channel = SessionChannel.Voice, ExtraItems = new Dictionary<string, string> { ["Ticket"] = number } }, node);

        Assert.True(outcome.Exit == NodeExit.Match, outcome.Reason);
        Assert.Equal((ticket.ToString(), "new_ticket", number), (outcome.Records[0].RecordId, outcome.Records[0].ObjectType, outcome.Records[0].Name));
        Assert.Contains(fixture.Dataverse.Requests, r => r.Path.EndsWith("/new_tickets", StringComparison.Ordinal)
            && Uri.UnescapeDataString(r.QueryString).Contains("$select=new_ticketid,new_number,modifiedon&", StringComparison.Ordinal));
    }

    private async Task<NodeOutcome> RunAsync(SessionStart start, IntegrationNode node)
    {
        var session = fixture.Grains.GetGrain<ISessionGrain>("dv-" + Guid.NewGuid().ToString("n"));
        await session.StartAsync(start);
        return await session.RunNodeAsync(node);
    }
}
