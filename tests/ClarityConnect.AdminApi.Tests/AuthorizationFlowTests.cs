using System.Net;
using System.Net.Http.Json;
using System.Web;
using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.TestDoubles.Salesforce;

namespace ClarityConnect.AdminApi.Tests;

/// <summary>The admin API over a cluster whose Salesforce connector talks to a <see cref="SalesforceDouble"/>.</summary>
public sealed class SalesforceAdminApiFixture : AdminApiFixture
{
    public SalesforceDouble Salesforce { get; } = new();

    protected override async Task StartDoublesAsync()
    {
        await Salesforce.StartAsync();
        Salesforce.DefineField("Account", "AccountNumber");
    }

    protected override async Task StopDoublesAsync()
    {
        await base.StopDoublesAsync();
        await Salesforce.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class SalesforceAdminApiCollection : ICollectionFixture<SalesforceAdminApiFixture>
{
    public const string Name = "AdminApi with Salesforce";
}

[Collection(SalesforceAdminApiCollection.Name)]
public sealed class AuthorizationFlowTests(SalesforceAdminApiFixture fixture)
{
    [Fact]
    public async Task Configure_authorize_callback_status_and_build_a_lookup_through_the_api()
    {
        var etag = (await fixture.Http.GetAsync("/api/integrations/salesforce")).Headers.ETag!.Tag;
        var saved = await fixture.Http.SendAsync(Api.Put("/api/integrations/salesforce", new
        {
            enabled = true,
            consumerKey = fixture.Salesforce.ClientId,
            consumerSecret = fixture.Salesforce.ClientSecret,
            loginUrl = fixture.Salesforce.BaseUrl.ToString(),
        }, etag));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.DoesNotContain(fixture.Salesforce.ClientSecret, await saved.Content.ReadAsStringAsync());

        var before = await (await fixture.Http.GetAsync("/api/integrations/salesforce/status")).JsonAsync();
        Assert.True(before.GetProperty("enabled").GetBoolean());
        Assert.False(before.GetProperty("authorization").GetProperty("authorized").GetBoolean());

        var untested = await (await fixture.Http.PostAsync("/api/integrations/salesforce/test", null)).JsonAsync();
        Assert.False(untested.GetProperty("succeeded").GetBoolean());
        Assert.Equal(["settings:Passed", "authorization:Failed", "api:Skipped"], Steps(untested));

        await SetAdminWebsiteAsync(fixture.Http.BaseAddress!.AbsoluteUri);
        var authorize = await fixture.Http.PostAsync("/api/integrations/salesforce/authorize", null);
        Assert.Equal(HttpStatusCode.OK, authorize.StatusCode);
        var url = new Uri((await authorize.JsonAsync()).GetProperty("url").GetString()!);
        var query = HttpUtility.ParseQueryString(url.Query);
        var redirect = new Uri(query["redirect_uri"]!);
        Assert.Equal(new Uri(fixture.Http.BaseAddress!, "/api/integrations/salesforce/callback"), redirect);

        // The administrator approves in the browser; Salesforce redirects back to the callback with a code.
        var code = fixture.Salesforce.IssueAuthorizationCode(query["code_challenge"], redirect);
        var callback = $"/api/integrations/salesforce/callback?code={Uri.EscapeDataString(code)}&state={Uri.EscapeDataString(query["state"]!)}";
        var page = await fixture.Anonymous.GetAsync(callback);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Salesforce authorized", html);

        // The state is good for one use.
        Assert.Equal(HttpStatusCode.BadRequest, (await fixture.Anonymous.GetAsync(callback)).StatusCode);

        var status = await (await fixture.Http.GetAsync("/api/integrations/salesforce/status")).JsonAsync();
        Assert.True(status.GetProperty("authorization").GetProperty("authorized").GetBoolean());

        var tested = await (await fixture.Http.PostAsync("/api/integrations/salesforce/test", null)).JsonAsync();
        Assert.True(tested.GetProperty("succeeded").GetBoolean(), tested.ToString());
        Assert.Equal(["settings:Passed", "authorization:Passed", "api:Passed"], Steps(tested));
        Assert.DoesNotContain(fixture.Salesforce.ClientSecret, tested.ToString());

        var objects = await (await fixture.Http.GetAsync("/api/integrations/salesforce/objects")).JsonAsync();
        Assert.Contains("Account", objects.EnumerateArray().Select(o => o.GetProperty("name").GetString()));
        var fields = await (await fixture.Http.GetAsync("/api/integrations/salesforce/objects/Account/fields?extended=true")).JsonAsync();
        Assert.Contains("AccountNumber", fields.EnumerateArray().Select(o => o.GetProperty("name").GetString()));

        var validation = await fixture.Http.PostAsJsonAsync("/api/integrations/salesforce/validate-query", new
        {
            node = new
            {
                primaryObject = "Account",
                fields = new[] { new { field = "Id", extraItem = "AccountId" } },
                condition = new { field = "AccountNumber", @operator = "Equals", value = "{{Number}}" },
            },
            sampleValues = new { Number = "A-1" },
        });
        var result = await validation.JsonAsync();
        Assert.Equal(HttpStatusCode.OK, validation.StatusCode);
        Assert.True(result.GetProperty("valid").GetBoolean(), result.ToString());
        Assert.Equal(0, result.GetProperty("recordCount").GetInt64());

        Assert.DoesNotContain(fixture.Logs.Messages, m => m.Contains(fixture.Salesforce.ClientSecret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Testing_an_unknown_integration_is_404_and_a_disabled_one_fails_at_settings()
    {
        await (await fixture.Http.PostAsync("/api/integrations/zendesk/test", null)).ProblemAsync(404);
        var csi = await (await fixture.Http.PostAsync("/api/integrations/csi/test", null)).JsonAsync();
        Assert.False(csi.GetProperty("succeeded").GetBoolean());
        Assert.Equal(["settings:Failed", "http:Skipped", "ftp:Skipped"], Steps(csi));
    }

    [Fact]
    public async Task The_redirect_uri_is_built_from_the_admin_website_url_never_from_the_host_header()
    {
        await SetAdminWebsiteAsync("https://admin.example.com/clarity");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/integrations/salesforce/authorize");
        request.Headers.Host = "evil.example";

        var response = await fixture.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        var expected = "https://admin.example.com/clarity/api/integrations/salesforce/callback";
        Assert.Equal(expected, body.GetProperty("redirectUri").GetString());
        var url = new Uri(body.GetProperty("url").GetString()!);
        Assert.Equal(expected, HttpUtility.ParseQueryString(url.Query)["redirect_uri"]);
        Assert.DoesNotContain("evil.example", body.ToString());
    }

    [Fact]
    public async Task Without_a_base_url_authorize_is_a_409_problem_naming_the_setting()
    {
        await SetAdminWebsiteAsync(null);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/integrations/dynamics/authorize");
        request.Headers.Host = "evil.example";

        var problem = await (await fixture.Http.SendAsync(request)).ProblemAsync(409);

        Assert.Equal("adminWebsiteBaseUrl", problem.GetProperty("field").GetString());
        Assert.Contains("adminWebsiteBaseUrl", problem.GetProperty("detail").GetString());
        Assert.Contains("ClarityConnect:AdminApi:PublicBaseUrl", problem.GetProperty("detail").GetString());
        Assert.DoesNotContain("evil.example", problem.ToString());
    }

    [Fact]
    public async Task A_refusal_is_recorded_against_a_pending_state_only()
    {
        var etag = (await fixture.Http.GetAsync("/api/integrations/salesforce")).Headers.ETag!.Tag;
        await fixture.Http.SendAsync(Api.Put("/api/integrations/salesforce", new
        {
            enabled = true,
            consumerKey = fixture.Salesforce.ClientId,
            consumerSecret = fixture.Salesforce.ClientSecret,
            loginUrl = fixture.Salesforce.BaseUrl.ToString(),
        }, etag));
        await SetAdminWebsiteAsync(fixture.Http.BaseAddress!.AbsoluteUri);

        // An anonymous forged refusal with an unknown state writes nothing.
        var forged = await fixture.Anonymous.GetAsync("/api/integrations/salesforce/callback?error=access_denied&error_description=forged&state=unknown");
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        var untouched = await (await fixture.Http.GetAsync("/api/integrations/salesforce/status")).JsonAsync();
        Assert.DoesNotContain("forged", untouched.GetProperty("authorization").ToString());

        var url = new Uri((await (await fixture.Http.PostAsync("/api/integrations/salesforce/authorize", null)).JsonAsync()).GetProperty("url").GetString()!);
        var state = HttpUtility.ParseQueryString(url.Query)["state"]!;
        var denied = await fixture.Anonymous.GetAsync($"/api/integrations/salesforce/callback?error=access_denied&error_description=end-user+denied+authorization&state={Uri.EscapeDataString(state)}");

        Assert.Equal(HttpStatusCode.BadRequest, denied.StatusCode);
        Assert.Contains("access_denied – end-user denied authorization", await denied.Content.ReadAsStringAsync());
        var status = await (await fixture.Http.GetAsync("/api/integrations/salesforce/status")).JsonAsync();
        Assert.Contains("access_denied – end-user denied authorization", status.GetProperty("authorization").GetProperty("lastError").GetString());
        // The state is spent: the same refusal again is an unknown state.
        Assert.Equal(HttpStatusCode.BadRequest, (await fixture.Anonymous.GetAsync($"/api/integrations/salesforce/callback?code=abc&state={Uri.EscapeDataString(state)}")).StatusCode);
    }

    private async Task SetAdminWebsiteAsync(string? baseUrl)
    {
        var platform = fixture.Grains.GetGrain<IIntegrationConfigGrain>(IntegrationNames.Platform);
        var current = await platform.GetAsync();
        await platform.UpdateAsync(((PlatformSettings)current.Settings) with { AdminWebsiteBaseUrl = baseUrl }, current.Version);
    }

    private static List<string> Steps(System.Text.Json.JsonElement report) =>
        report.GetProperty("steps").EnumerateArray().Select(s => $"{s.GetProperty("name").GetString()}:{s.GetProperty("outcome").GetString()}").ToList();
}
