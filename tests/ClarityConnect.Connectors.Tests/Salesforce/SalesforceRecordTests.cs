using System.Text.Json.Nodes;
using ClarityConnect.Connectors.Salesforce;

namespace ClarityConnect.Connectors.Tests.Salesforce;

public sealed class SalesforceRecordTests
{
    [Fact]
    public async Task Small_file_is_uploaded_as_json_with_base64()
    {
        await using var harness = await SalesforceHarness.StartAsync();
        var contact = harness.Double.AddRecord("Contact", new() { ["LastName"] = "Lee" });
        var bytes = Enumerable.Range(0, 300).Select(i => (byte)i).ToArray();

        var id = await harness.Client.CreateContentVersionAsync("Call recording", "call.wav", contact, new MemoryStream(bytes), bytes.Length, CancellationToken.None);

        var created = Assert.Single(harness.Double.Created("ContentVersion"));
        Assert.Equal(id, (string?)created["Id"]);
        Assert.Equal(Convert.ToBase64String(bytes), (string?)created["VersionData"]);
        Assert.Equal(contact, (string?)created["FirstPublishLocationId"]);
        Assert.Equal("WAV", (string?)created["FileType"]);
        var upload = harness.Double.Requests.Single(r => r.Path.EndsWith("/sobjects/ContentVersion/", StringComparison.Ordinal));
        Assert.StartsWith("application/json", upload.ContentType, StringComparison.Ordinal);
        Assert.Single(harness.Double.Records("ContentDocumentLink"), l => (string?)l["LinkedEntityId"] == contact);
    }

    [Fact]
    public async Task File_above_the_json_limit_is_uploaded_as_multipart()
    {
        await using var harness = await SalesforceHarness.StartAsync(o => o.ContentVersionJsonLimit = 64);
        var contact = harness.Double.AddRecord("Contact", new() { ["LastName"] = "Lee" });
        var bytes = Enumerable.Range(0, 1000).Select(i => (byte)(i * 7)).ToArray();
        var stream = new MemoryStream([0xFF, .. bytes]) { Position = 1 };

        await harness.Client.CreateContentVersionAsync("Call recording", "call.wav", contact, stream, bytes.Length, CancellationToken.None);

        var created = Assert.Single(harness.Double.Created("ContentVersion"));
        Assert.Equal(Convert.ToBase64String(bytes), (string?)created["VersionData"]);
        Assert.Equal("Call recording", (string?)created["Title"]);
        var upload = harness.Double.Requests.Single(r => r.Path.EndsWith("/sobjects/ContentVersion/", StringComparison.Ordinal));
        Assert.StartsWith("multipart/form-data", upload.ContentType, StringComparison.Ordinal);
        Assert.Contains("name=entity_content", upload.Body, StringComparison.Ordinal);
        Assert.Contains("name=VersionData", upload.Body, StringComparison.Ordinal);
        Assert.True(stream.CanRead);
    }

    [Fact]
    public async Task Multipart_upload_survives_a_session_expiry()
    {
        await using var harness = await SalesforceHarness.StartAsync(o => o.ContentVersionJsonLimit = 8);
        var contact = harness.Double.AddRecord("Contact", new() { ["LastName"] = "Lee" });
        await harness.Client.QueryAsync("SELECT Id FROM Contact", CancellationToken.None);
        harness.Double.ExpireAccessTokens();
        var bytes = new byte[100];
        Random.Shared.NextBytes(bytes);

        await harness.Client.CreateContentVersionAsync("Rec", "rec.wav", contact, new MemoryStream(bytes), bytes.Length, CancellationToken.None);

        Assert.Equal(Convert.ToBase64String(bytes), (string?)Assert.Single(harness.Double.Created("ContentVersion"))["VersionData"]);
    }

    [Fact]
    public async Task Create_returns_the_id_and_stores_the_fields()
    {
        await using var harness = await SalesforceHarness.StartAsync();
        var contact = harness.Double.AddRecord("Contact", new() { ["LastName"] = "Lee" });

        var id = await harness.Client.CreateAsync("Task", new JsonObject
        {
            ["WhoId"] = contact,
            ["Subject"] = "Inbound call",
            ["Status"] = "Completed",
            ["CallType"] = "Inbound",
            ["CallDurationInSeconds"] = 95,
        }, CancellationToken.None);

        Assert.StartsWith("00T", id, StringComparison.Ordinal);
        Assert.Equal(18, id.Length);
        Assert.Equal(95, (int?)harness.Double.GetRecord(id)!["CallDurationInSeconds"]);
    }

    [Fact]
    public async Task Create_with_an_unknown_field_is_invalid_field()
    {
        await using var harness = await SalesforceHarness.StartAsync();
        var contact = harness.Double.AddRecord("Contact", new() { ["LastName"] = "Lee" });

        var error = await Assert.ThrowsAsync<SalesforceApiException>(() =>
            harness.Client.CreateAsync("Note", new JsonObject { ["ParentId"] = contact, ["Title"] = "t", ["Bogus__c"] = "x" }, CancellationToken.None));

        Assert.Equal("INVALID_FIELD", error.ErrorCode);
    }

    [Fact]
    public async Task Create_refuses_object_names_that_are_not_api_names()
    {
        await using var harness = await SalesforceHarness.StartAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => harness.Client.CreateAsync("Task/../../x", new JsonObject(), CancellationToken.None));
    }

    [Fact]
    public async Task Describe_reports_fields_and_relationships_and_is_cached()
    {
        await using var harness = await SalesforceHarness.StartAsync();
        var account = harness.Double.AddRecord("Account", new() { ["Name"] = "Acme" });
        harness.Double.AddRecord("Contact", new() { ["LastName"] = "Lee", ["AccountId"] = account, ["Region__c"] = "West" });
        harness.Double.DefineField("Contact", "Household__c", "reference", ["Account"], "Household__r");

        var describe = await harness.Client.DescribeAsync("Contact", CancellationToken.None);
        await harness.Client.DescribeAsync("Contact", CancellationToken.None);

        Assert.Equal("Contact", describe.Name);
        Assert.True(describe.TryGetField("accountid", out var accountId));
        Assert.Equal("reference", accountId.Type);
        Assert.Equal(["Account"], accountId.ReferenceTo);
        Assert.Equal("Account", accountId.RelationshipName);
        Assert.True(describe.TryGetField("Region__c", out var region));
        Assert.Equal("string", region.Type);
        Assert.True(describe.TryGetRelationship("Household__r", out _));
        Assert.True(describe.TryGetField("MobilePhone", out var mobile));
        Assert.Equal("phone", mobile.Type);
        Assert.True(mobile.Filterable);
        Assert.Single(harness.Double.Requests, r => r.Path.EndsWith("/describe", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Describe_global_lists_queryable_objects()
    {
        await using var harness = await SalesforceHarness.StartAsync();
        harness.Double.DefineObject("Invoice__c");

        var objects = await harness.Client.DescribeGlobalAsync(CancellationToken.None);

        Assert.Contains(objects, o => o.Name == "Contact" && o.Queryable && !o.Custom && o.KeyPrefix == "003");
        Assert.Contains(objects, o => o.Name == "Invoice__c" && o.Custom);
    }

    [Fact]
    public async Task Describe_of_an_unknown_object_is_not_found()
    {
        await using var harness = await SalesforceHarness.StartAsync();

        var error = await Assert.ThrowsAsync<SalesforceApiException>(() => harness.Client.DescribeAsync("Nope__c", CancellationToken.None));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, error.StatusCode);
    }
}
