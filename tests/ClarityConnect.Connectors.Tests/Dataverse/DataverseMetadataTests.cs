namespace ClarityConnect.Connectors.Tests.Dataverse;

public sealed class DataverseMetadataTests
{
    [Fact]
    public async Task Entity_definition_is_read_and_cached()
    {
        await using var harness = await DataverseHarness.StartAsync();

        var contact = await harness.Client.GetEntityAsync("contact", CancellationToken.None);
        await harness.Client.GetEntityAsync("contact", CancellationToken.None);

        Assert.Equal("contacts", contact.EntitySetName);
        Assert.Equal("contactid", contact.PrimaryIdAttribute);
        Assert.Equal("fullname", contact.PrimaryNameAttribute);
        Assert.Equal("Contact", contact.DisplayName);
        Assert.Single(harness.Double.WebApiRequests);
        Assert.Equal("/api/data/v9.2/EntityDefinitions(LogicalName='contact')", harness.Double.WebApiRequests[0].Path);
    }

    [Fact]
    public async Task Entities_are_listed()
    {
        await using var harness = await DataverseHarness.StartAsync();

        var entities = await harness.Client.ListEntitiesAsync(CancellationToken.None);

        Assert.Contains(entities, e => e.LogicalName == "account" && e.EntitySetName == "accounts");
        Assert.Contains(entities, e => e.LogicalName == "incident");
    }

    [Fact]
    public async Task Attributes_carry_labels_and_lookup_targets()
    {
        await using var harness = await DataverseHarness.StartAsync();
        harness.Double.DefineAttribute("contact", "new_loyaltyid", "String", "Loyalty Id");

        var attributes = await harness.Client.GetAttributesAsync("contact", CancellationToken.None);

        Assert.Equal("Business Phone", attributes.Single(a => a.LogicalName == "telephone1").DisplayName);
        Assert.Equal(["account", "contact"], attributes.Single(a => a.LogicalName == "parentcustomerid").Targets);
        Assert.Contains(attributes, a => a.LogicalName == "new_loyaltyid" && a.IsValidForRead);
    }

    [Fact]
    public async Task Many_to_one_relationships_name_the_navigation_properties()
    {
        await using var harness = await DataverseHarness.StartAsync();

        var relationships = await harness.Client.GetManyToOneRelationshipsAsync("contact", CancellationToken.None);

        Assert.Contains(relationships, r => r.ReferencingAttribute == "parentcustomerid" && r.ReferencedEntity == "account" && r.ReferencingEntityNavigationPropertyName == "parentcustomerid_account");
    }

    [Fact]
    public async Task Unknown_entity_is_a_404()
    {
        await using var harness = await DataverseHarness.StartAsync();

        var error = await Assert.ThrowsAsync<ClarityConnect.Connectors.Dataverse.DataverseApiException>(() => harness.Client.GetEntityAsync("nosuchentity", CancellationToken.None));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task Columns_of_a_custom_table_read_as_typed_records_with_targets_only_on_lookups()
    {
        await using var harness = await DataverseHarness.StartAsync();
        harness.Double.DefineEntity("new_ticket", "new_tickets", "new_number", "Ticket");
        harness.Double.DefineAttribute("new_ticket", "new_number", "String", "Ticket Number");
        harness.Double.DefineAttribute("new_ticket", "new_customerid", "Lookup", "Customer", ["contact"]);

        var entity = await harness.Client.GetEntityAsync("new_ticket", CancellationToken.None);
        var attributes = await harness.Client.GetAttributesAsync("new_ticket", CancellationToken.None);

        Assert.Equal("new_tickets", entity.EntitySetName);
        Assert.Equal("Ticket", entity.DisplayName);
        Assert.True(entity.IsCustomEntity);
        Assert.Equal(["contact"], attributes.Single(a => a.LogicalName == "new_customerid").Targets);
        Assert.Equal("Ticket Number", attributes.Single(a => a.LogicalName == "new_number").DisplayName);
        Assert.All(attributes.Where(a => !a.IsLookup), a => Assert.Empty(a.Targets));
    }
}
