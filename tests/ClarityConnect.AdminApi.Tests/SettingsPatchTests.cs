using System.Net;

namespace ClarityConnect.AdminApi.Tests;

/// <summary><c>PATCH /api/integrations/{name}</c> with a JSON merge patch (RFC 7396): only the members sent change.</summary>
[Collection(AdminApiCollection.Name)]
public sealed class SettingsPatchTests(AdminApiFixture fixture)
{
    private const string MergePatch = "application/merge-patch+json";

    [Fact]
    public async Task A_patch_changes_only_the_members_sent_and_keeps_the_secrets()
    {
        var etag = await PutCsiAsync();
        using var patch = await fixture.Http.SendAsync(SettingsBodyTests.Request(HttpMethod.Patch, "csi", "{\"sendAcdStatistics\":true}", MergePatch, etag));
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        var view = await patch.JsonAsync();
        var settings = view.GetProperty("settings");
        Assert.True(settings.GetProperty("sendAcdStatistics").GetBoolean());
        Assert.Equal("ftp.example.com", settings.GetProperty("ftpHostname").GetString());
        Assert.Equal("clarity", settings.GetProperty("ftpUsername").GetString());
        Assert.Equal(["Internal", "Test"], settings.GetProperty("disabledQueues").EnumerateArray().Select(q => q.GetString()));
        Assert.Equal(["developerKey", "ftpPassword"], view.GetProperty("secretsSet").EnumerateArray().Select(s => s.GetString()).Order());
        Assert.NotEqual(etag, patch.Headers.ETag!.Tag);
        Assert.Equal($"\"{view.GetProperty("version").GetInt64()}\"", patch.Headers.ETag!.Tag);

        // A view as GET returned it, edited, is a patch too.
        using var asView = await fixture.Http.SendAsync(SettingsBodyTests.Request(HttpMethod.Patch, "csi",
            "{\"integration\":\"csi\",\"version\":1,\"secretsSet\":[],\"settings\":{\"disabledQueues\":[\"Only\"]}}", MergePatch, patch.Headers.ETag!.Tag));
        Assert.Equal(HttpStatusCode.OK, asView.StatusCode);
        var after = (await asView.JsonAsync()).GetProperty("settings");
        Assert.Equal(["Only"], after.GetProperty("disabledQueues").EnumerateArray().Select(q => q.GetString()));
        Assert.True(after.GetProperty("sendAcdStatistics").GetBoolean());
    }

    [Fact]
    public async Task Null_clears_an_optional_setting_or_a_secret_and_is_refused_for_a_required_one()
    {
        var etag = await PutCsiAsync();
        using var cleared = await fixture.Http.SendAsync(SettingsBodyTests.Request(HttpMethod.Patch, "csi",
            "{\"ftpUsername\":null,\"ftpPassword\":null,\"disabledQueues\":null}", MergePatch, etag));
        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        var view = await cleared.JsonAsync();
        var settings = view.GetProperty("settings");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, settings.GetProperty("ftpUsername").ValueKind);
        Assert.Equal(0, settings.GetProperty("disabledQueues").GetArrayLength());
        Assert.Equal(["developerKey"], view.GetProperty("secretsSet").EnumerateArray().Select(s => s.GetString()));

        var before = await (await fixture.Http.GetAsync("/api/integrations/salesforce")).Content.ReadAsStringAsync();
        using var required = await fixture.Http.SendAsync(SettingsBodyTests.Request(HttpMethod.Patch, "salesforce", "{\"loginUrl\":null,\"enabled\":null}", MergePatch));
        var errors = (await required.ProblemAsync(400)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("loginUrl", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("enabled", out _), errors.ToString());
        Assert.Equal(before, await (await fixture.Http.GetAsync("/api/integrations/salesforce")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_patch_is_validated_and_versioned_like_a_put()
    {
        var etag = await PutCsiAsync();
        var before = await (await fixture.Http.GetAsync("/api/integrations/csi")).Content.ReadAsStringAsync();

        using var invalid = await fixture.Http.SendAsync(SettingsBodyTests.Request(HttpMethod.Patch, "csi", "{\"ftpHostname\":\"Smith_\",\"colour\":1}", MergePatch, etag));
        Assert.True((await invalid.ProblemAsync(400)).GetProperty("errors").TryGetProperty("colour", out _));
        using var hostile = await fixture.Http.SendAsync(SettingsBodyTests.Request(HttpMethod.Patch, "csi", "{\"ftpHostname\":\"Smith_\"}", MergePatch, etag));
        Assert.True((await hostile.ProblemAsync(400)).GetProperty("errors").TryGetProperty("ftpHostname", out _));
        using var wrongType = await fixture.Http.SendAsync(SettingsBodyTests.Request(HttpMethod.Patch, "csi", "{\"sendChangeEvents\":\"yes\"}", MergePatch, etag));
        Assert.True((await wrongType.ProblemAsync(400)).GetProperty("errors").TryGetProperty("sendChangeEvents", out _));

        foreach (var contentType in new[] { "application/json", "text/plain", null })
        {
            using var unsupported = await fixture.Http.SendAsync(SettingsBodyTests.Request(HttpMethod.Patch, "csi", "{\"enabled\":false}", contentType, etag));
            Assert.Equal("Content-Type", (await unsupported.ProblemAsync(415)).GetProperty("field").GetString());
        }

        using var stale = await fixture.Http.SendAsync(SettingsBodyTests.Request(HttpMethod.Patch, "csi", "{\"enabled\":false}", MergePatch, "\"0\""));
        Assert.Equal("If-Match", (await stale.ProblemAsync(412)).GetProperty("field").GetString());
        Assert.Equal(etag, stale.Headers.ETag!.Tag);

        var noIfMatch = SettingsBodyTests.Request(HttpMethod.Patch, "csi", "{\"enabled\":false}", MergePatch);
        noIfMatch.Headers.Remove("If-Match");
        await (await fixture.Http.SendAsync(noIfMatch)).ProblemAsync(428);
        await (await fixture.Http.SendAsync(SettingsBodyTests.Request(HttpMethod.Patch, "nope", "{}", MergePatch))).ProblemAsync(404);

        Assert.Equal(before, await (await fixture.Http.GetAsync("/api/integrations/csi")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_patch_and_its_media_type()
    {
        var paths = (await (await fixture.Http.GetAsync("/openapi/admin.json")).JsonAsync()).GetProperty("paths");
        var item = paths.GetProperty("/api/integrations/{name}");
        Assert.True(item.GetProperty("patch").GetProperty("requestBody").GetProperty("content").TryGetProperty(MergePatch, out _), item.ToString());
        Assert.True(item.GetProperty("put").GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _), item.ToString());
    }

    private async Task<string> PutCsiAsync()
    {
        using var put = await fixture.Http.SendAsync(Api.Put("/api/integrations/csi", new
        {
            enabled = false,
            instanceAddress = "csi.example.com",
            developerKey = "dev-key-secret-1",
            ftpHostname = "ftp.example.com",
            ftpUsername = "clarity",
            ftpPassword = "ftp-secret-2",
            disabledQueues = new[] { "Internal", "Test" },
        }, "*"));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        return put.Headers.ETag!.Tag;
    }
}
