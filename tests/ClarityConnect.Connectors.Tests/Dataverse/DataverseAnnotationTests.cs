using System.Text.Json.Nodes;
using ClarityConnect.Connectors.Dataverse;

namespace ClarityConnect.Connectors.Tests.Dataverse;

public sealed class DataverseAnnotationTests
{
    private static byte[] Bytes(int length) => Enumerable.Range(0, length).Select(i => (byte)(i * 7)).ToArray();

    [Fact]
    public async Task Small_attachment_goes_inline()
    {
        await using var harness = await DataverseHarness.StartAsync(o => o.InlineAttachmentLimit = 1000);
        var contact = harness.Double.AddRecord("contact", new JsonObject { ["fullname"] = "Ann Lee" });
        var data = Bytes(600);

        var id = await harness.Client.CreateAnnotationAsync("contact", "contacts", contact, "Call summary", "Caller asked about billing", "call.txt", "text/plain", new MemoryStream(data), data.Length, CancellationToken.None);

        var note = harness.Double.GetRecord("annotation", id)!;
        Assert.Equal(contact.ToString(), (string?)note["_objectid_value"]);
        Assert.Equal("contact", (string?)note["_objectid_value@Microsoft.Dynamics.CRM.lookuplogicalname"]);
        Assert.Equal(Convert.ToBase64String(data), (string?)note["documentbody"]);
        Assert.Equal("call.txt", (string?)note["filename"]);
        var post = harness.Double.WebApiRequests.Single(r => r.Method == "POST");
        Assert.Equal("/api/data/v9.2/annotations", post.Path);
        Assert.Contains($"\"objectid_contact@odata.bind\":\"/contacts({contact})\"", post.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Large_attachment_is_uploaded_in_blocks()
    {
        await using var harness = await DataverseHarness.StartAsync(o =>
        {
            o.InlineAttachmentLimit = 1000;
            o.UploadBlockSize = 1024;
        });
        var account = harness.Double.AddRecord("account", new JsonObject { ["name"] = "Contoso" });
        var data = Bytes(2500);

        var id = await harness.Client.CreateAnnotationAsync("account", "accounts", account, "Recording", null, "call.wav", "audio/wav", new MemoryStream(data), data.Length, CancellationToken.None);

        var note = harness.Double.GetRecord("annotation", id)!;
        Assert.Equal(Convert.ToBase64String(data), (string?)note["documentbody"]);
        Assert.Equal(account.ToString(), (string?)note["_objectid_value"]);
        Assert.Equal("audio/wav", (string?)note["mimetype"]);
        var paths = harness.Double.WebApiRequests.Where(r => r.Method == "POST").Select(r => r.Path[15..]).ToList();
        Assert.Equal(["InitializeAnnotationBlocksUpload", "UploadBlock", "UploadBlock", "UploadBlock", "CommitAnnotationBlocksUpload"], paths);
    }

    [Fact]
    public async Task Attachment_above_the_environment_limit_is_refused_with_a_clear_message()
    {
        await using var harness = await DataverseHarness.StartAsync(o => o.InlineAttachmentLimit = 1000);
        harness.Double.MaxUploadFileSize = 2000;
        var contact = harness.Double.AddRecord("contact", new JsonObject { ["fullname"] = "Ann Lee" });
        var data = Bytes(2500);

        var error = await Assert.ThrowsAsync<DataverseApiException>(() =>
            harness.Client.CreateAnnotationAsync("contact", "contacts", contact, "Recording", null, "call.wav", "audio/wav", new MemoryStream(data), data.Length, CancellationToken.None));

        Assert.Contains("MaxUploadFileSize", error.Message, StringComparison.Ordinal);
        Assert.Contains("2500", error.Message, StringComparison.Ordinal);
        Assert.Empty(harness.Double.Records("annotation"));
    }

    [Fact]
    public async Task Note_for_a_missing_record_is_refused()
    {
        await using var harness = await DataverseHarness.StartAsync();

        var error = await Assert.ThrowsAsync<DataverseApiException>(() =>
            harness.Client.CreateAnnotationAsync("contact", "contacts", Guid.NewGuid(), "Call", "text", null, null, null, 0, CancellationToken.None));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, error.StatusCode);
    }
}
