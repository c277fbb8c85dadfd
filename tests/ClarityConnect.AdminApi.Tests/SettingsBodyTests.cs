using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace ClarityConnect.AdminApi.Tests;

/// <summary>The settings endpoints read their bodies strictly: every malformed body is a 400 or 415 naming what was wrong, never a 500, and nothing is stored.</summary>
[Collection(AdminApiCollection.Name)]
public sealed class SettingsBodyTests(AdminApiFixture fixture)
{
    [Theory]
    [InlineData("{\"enabled\":false,\"enabled\":true}", "enabled")]
    [InlineData("{\"consumerKey\":\"a\",\"ConsumerKey\":\"b\"}", "consumerKey")]
    [InlineData("{\"settings\":{\"loginUrl\":\"https://a.example.com\",\"loginUrl\":\"https://b.example.com\"}}", "settings.loginUrl")]
    public Task A_duplicate_member_is_a_400_naming_it(string body, string field) => RefusedNamingAsync(body, field);

    [Theory]
    [InlineData(null)]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/merge-patch+json")]
    [InlineData("application/json; charset=iso-8859-1")]
    public async Task A_put_without_json_content_type_is_a_415_and_stores_nothing(string? contentType)
    {
        var before = await StoredAsync("platform");
        using var response = await fixture.Http.SendAsync(Request(HttpMethod.Put, "platform", "{\"adminWebsiteBaseUrl\":\"https://stored.example.com\"}", contentType));
        var problem = await response.ProblemAsync(415);
        Assert.Equal("Content-Type", problem.GetProperty("field").GetString());
        Assert.Equal(before, await StoredAsync("platform"));
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("Application/JSON; charset=\"UTF-8\"")]
    public async Task Json_in_utf8_is_accepted_with_or_without_a_charset(string contentType)
    {
        using var response = await fixture.Http.SendAsync(Request(HttpMethod.Put, "platform", "{\"adminWebsiteBaseUrl\":\"https://admin.example.com\"}", contentType));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_body_that_is_not_utf8_is_a_400_and_stores_nothing()
    {
        var before = await StoredAsync("csi");
        var body = Encoding.UTF8.GetBytes("{\"ftpUsername\":\"user-X\"}");
        body[Array.IndexOf(body, (byte)'X')] = 0xFF;
        using var response = await fixture.Http.SendAsync(Request(HttpMethod.Put, "csi", body, "application/json"));
        var problem = await response.ProblemAsync(400);
        Assert.Contains("UTF-8", problem.GetProperty("errors").GetProperty("body")[0].GetString());
        Assert.Equal(before, await StoredAsync("csi"));

        var latin1 = Encoding.Latin1.GetBytes("{\"ftpUsername\":\"Müller\"}");
        using var second = await fixture.Http.SendAsync(Request(HttpMethod.Put, "csi", latin1, "application/json"));
        await second.ProblemAsync(400);
        Assert.Equal(before, await StoredAsync("csi"));
    }

    [Theory]
    [InlineData("{\"requestTimeoutSeconds\":\"10\"}", "requestTimeoutSeconds")]
    [InlineData("{\"maxConcurrentRequests\":5.5}", "maxConcurrentRequests")]
    [InlineData("{\"maxConcurrentRequests\":99999999999}", "maxConcurrentRequests")]
    [InlineData("{\"requestTimeoutSeconds\":1e400}", "requestTimeoutSeconds")]
    [InlineData("{\"maxConcurrentRequests\":null}", "maxConcurrentRequests")]
    [InlineData("{\"enabled\":\"true\"}", "enabled")]
    [InlineData("{\"consumerKey\":42}", "consumerKey")]
    [InlineData("{\"consumerSecret\":{\"value\":\"x\"}}", "consumerSecret")]
    public Task A_value_of_the_wrong_json_type_is_a_400_naming_the_member(string body, string field) => RefusedNamingAsync(body, field);

    [Theory]
    [InlineData("salesforce")]
    [InlineData("dynamics")]
    [InlineData("csi")]
    [InlineData("platform")]
    public async Task A_put_of_exactly_what_get_returned_is_accepted(string name)
    {
        using var get = await fixture.Http.GetAsync($"/api/integrations/{name}");
        var etag = get.Headers.ETag!.Tag;
        var body = await get.Content.ReadAsByteArrayAsync();
        var read = JsonDocument.Parse(body).RootElement;

        using var put = await fixture.Http.SendAsync(Request(HttpMethod.Put, name, body, "application/json", etag));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var saved = await put.JsonAsync();
        Assert.Equal(read.GetProperty("version").GetInt64() + 1, saved.GetProperty("version").GetInt64());
        Assert.Equal(read.GetProperty("settings").ToString(), saved.GetProperty("settings").ToString());
        Assert.Equal(read.GetProperty("secretsSet").ToString(), saved.GetProperty("secretsSet").ToString());
    }

    [Fact]
    public async Task A_view_for_another_integration_or_with_members_a_view_does_not_have_is_refused()
    {
        var view = await (await fixture.Http.GetAsync("/api/integrations/platform")).JsonAsync();
        var before = await StoredAsync("csi");

        using var other = await fixture.Http.SendAsync(Request(HttpMethod.Put, "csi", view.ToString(), "application/json"));
        Assert.True((await other.ProblemAsync(400)).GetProperty("errors").TryGetProperty("integration", out _));

        using var extra = await fixture.Http.SendAsync(Request(HttpMethod.Put, "csi", "{\"settings\":{},\"enabled\":true,\"colour\":\"red\"}", "application/json"));
        var errors = (await extra.ProblemAsync(400)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("enabled", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("colour", out _), errors.ToString());

        using var version = await fixture.Http.SendAsync(Request(HttpMethod.Put, "csi", "{\"enabled\":false,\"version\":3}", "application/json"));
        Assert.True((await version.ProblemAsync(400)).GetProperty("errors").TryGetProperty("version", out _));
        Assert.Equal(before, await StoredAsync("csi"));
    }

    [Fact]
    public async Task Every_unknown_member_is_named()
    {
        using var response = await fixture.Http.SendAsync(Request(HttpMethod.Put, "dynamics", "{\"clientSecret\":\"x\",\"tenant\":\"t\",\"enabled\":false}", "application/json"));
        var errors = (await response.ProblemAsync(400)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("clientSecret", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("tenant", out _), errors.ToString());
        Assert.DoesNotContain("\"x\"", errors.ToString());
    }

    [Theory]
    [InlineData("{\"enabled\":false,\n \"consumerKey\": tru}", "line 2")]
    [InlineData("{\"enabled\":false", "line 1")]
    [InlineData("", "line 1")]
    [InlineData("{\"consumerKey\":\"abc}", "line 1")]
    public async Task Malformed_json_is_a_400_naming_the_position(string body, string position)
    {
        using var response = await fixture.Http.SendAsync(Request(HttpMethod.Put, "salesforce", body, "application/json"));
        var message = (await response.ProblemAsync(400)).GetProperty("errors").GetProperty("body")[0].GetString()!;
        Assert.Contains(position, message);
        Assert.Contains("byte", message);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"settings\"")]
    [InlineData("null")]
    [InlineData("{\"ftpUsername\":\"\\ud800\"}")]
    [InlineData("{\"\\udc00\":\"x\"}")]
    [InlineData("{\"settings\":[]}")]
    public async Task Other_malformed_bodies_are_400s(string body)
    {
        var before = await StoredAsync("csi");
        using var response = await fixture.Http.SendAsync(Request(HttpMethod.Put, "csi", body, "application/json"));
        await response.ProblemAsync(400);
        Assert.Equal(before, await StoredAsync("csi"));
    }

    [Fact]
    public async Task Deeply_nested_json_is_a_400()
    {
        var body = "{\"disabledQueues\":" + new string('[', 100) + new string(']', 100) + "}";
        using var response = await fixture.Http.SendAsync(Request(HttpMethod.Put, "csi", body, "application/json"));
        await response.ProblemAsync(400);
    }

    [Fact]
    public async Task Invalid_values_are_refused_by_the_api_before_the_grain_with_json_member_names()
    {
        using var response = await fixture.Http.SendAsync(Request(HttpMethod.Put, "salesforce",
            "{\"apiVersion\":\"62.0\\n\",\"loginUrl\":\"https://169.254.169.254/latest/meta-data/\",\"consumerSecret\":\"pass\\r\\nDELE x\"}", "application/json"));
        var problem = await response.ProblemAsync(400);
        var errors = problem.GetProperty("errors");
        Assert.Equal(["apiVersion", "consumerSecret", "loginUrl"], errors.EnumerateObject().Select(e => e.Name).Order());
        Assert.DoesNotContain("DELE", problem.ToString());
        Assert.DoesNotContain(fixture.Logs.Messages, m => m.Contains("DELE x", StringComparison.Ordinal));
    }

    private async Task<string> StoredAsync(string name)
    {
        using var response = await fixture.Http.GetAsync($"/api/integrations/{name}");
        return await response.Content.ReadAsStringAsync();
    }

    internal static HttpRequestMessage Request(HttpMethod method, string name, string body, string? contentType, string ifMatch = "*") =>
        Request(method, name, Encoding.UTF8.GetBytes(body), contentType, ifMatch);

    internal static HttpRequestMessage Request(HttpMethod method, string name, byte[] body, string? contentType, string ifMatch = "*")
    {
        var content = new ByteArrayContent(body);
        if (contentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        var request = new HttpRequestMessage(method, $"/api/integrations/{name}") { Content = content };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return request;
    }

    /// <summary>PUT <paramref name="body"/> to the Salesforce settings: a 400 whose errors name <paramref name="field"/>, nothing stored.</summary>
    private async Task RefusedNamingAsync(string body, string field)
    {
        var before = await StoredAsync("salesforce");
        using var response = await fixture.Http.SendAsync(Request(HttpMethod.Put, "salesforce", body, "application/json"));
        var problem = await response.ProblemAsync(400);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(before, await StoredAsync("salesforce"));
    }
}
