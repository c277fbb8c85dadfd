using System.Net;
using System.Net.Http.Json;
using System.Text;
using ClarityConnect.Abstractions.Exports;
using ClarityConnect.Abstractions.Sessions;

namespace ClarityConnect.AdminApi.Tests;

[Collection(AdminApiCollection.Name)]
public sealed class SecurityTests(AdminApiFixture fixture)
{
    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task Every_endpoint_needs_a_valid_key(string? key)
    {
        foreach (var (method, url) in new[]
        {
            ("GET", "/api/integrations"), ("GET", "/api/integrations/salesforce"), ("GET", "/api/integrations/salesforce/status"),
            ("POST", "/api/integrations/salesforce/authorize"), ("POST", "/api/integrations/csi/test"), ("GET", "/api/integrations/salesforce/objects"),
            ("GET", "/api/sessions"), ("GET", "/api/sessions/s1"), ("GET", "/api/agents/a1"), ("GET", "/api/exports"),
            ("GET", "/api/exports/salesforce/s1"), ("POST", "/api/exports/salesforce/s1/retry"), ("GET", "/dashboard/"),
            ("GET", "/api/integrations/salesforce/nodes"), ("GET", "/api/integrations/dynamics/nodes/any"),
            ("PUT", "/api/integrations/salesforce/nodes/any"), ("DELETE", "/api/integrations/salesforce/nodes/any"),
        })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), url);
            if (key is not null)
            {
                request.Headers.Add("X-Api-Key", key);
            }

            using var response = await fixture.Anonymous.SendAsync(request);
            var problem = await response.ProblemAsync(401);
            Assert.DoesNotContain("wrong-key", problem.ToString());
        }

        using var put = Api.Put("/api/integrations/salesforce", new { enabled = false }, "\"0\"");
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Anonymous.SendAsync(put)).StatusCode);
    }

    [Fact]
    public async Task Health_and_the_oauth_callback_need_no_key()
    {
        Assert.Equal(HttpStatusCode.OK, (await fixture.Anonymous.GetAsync("/health/live")).StatusCode);
        var callback = await fixture.Anonymous.GetAsync("/api/integrations/salesforce/callback?state=nope&code=abc");
        Assert.Equal(HttpStatusCode.BadRequest, callback.StatusCode);
        Assert.Equal("text/html", callback.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_endpoints_and_needs_a_key()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Anonymous.GetAsync("/openapi/admin.json")).StatusCode);
        var response = await fixture.Http.GetAsync("/openapi/admin.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = (await response.JsonAsync()).GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/integrations/{name}", out _), paths.ToString());
        Assert.True(paths.TryGetProperty("/api/exports/{target}/{sessionId}/retry", out _));
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused()
    {
        var big = new string('x', 2 * 1024 * 1024);
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/integrations/platform")
        {
            Content = new StringContent("{\"adminWebsiteBaseUrl\":\"" + big + "\"}", Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("If-Match", "*");
        // As a well-behaved client of a large upload: the server refuses by the declared length before the body is sent,
        // instead of the client still writing a body that the server has already refused and closed (a broken pipe).
        request.Headers.ExpectContinue = true;
        using var response = await fixture.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }
}

[Collection(AdminApiCollection.Name)]
public sealed class SettingsTests(AdminApiFixture fixture)
{
    private const string Secret = "consumer-secret-value-42";

    [Fact]
    public async Task Lists_all_four_integrations()
    {
        var list = await (await fixture.Http.GetAsync("/api/integrations")).JsonAsync();
        Assert.Equal(["salesforce", "dynamics", "csi", "platform"], list.EnumerateArray().Select(v => v.GetProperty("integration").GetString()));
    }

    [Fact]
    public async Task Round_trip_with_etag_keeps_secrets_write_only()
    {
        var get = await fixture.Http.GetAsync("/api/integrations/salesforce");
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        var etag = get.Headers.ETag!.Tag;
        var before = await get.JsonAsync();
        Assert.Equal(etag, $"\"{before.GetProperty("version").GetInt64()}\"");

        var put = await fixture.Http.SendAsync(Api.Put("/api/integrations/salesforce", new
        {
            enabled = false,
            consumerKey = "ck-1",
            consumerSecret = Secret,
            pushSessionNotes = true,
            loginUrl = "https://test.salesforce.com",
            apiVersion = "62.0",
            requestTimeoutSeconds = 20,
            maxConcurrentRequests = 5,
        }, etag));
        var putText = await put.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.DoesNotContain(Secret, putText);
        var newTag = put.Headers.ETag!.Tag;
        Assert.NotEqual(etag, newTag);

        var read = await fixture.Http.GetAsync("/api/integrations/salesforce");
        var readText = await read.Content.ReadAsStringAsync();
        Assert.DoesNotContain(Secret, readText);
        Assert.Equal(newTag, read.Headers.ETag!.Tag);
        var view = await read.JsonAsync();
        var settings = view.GetProperty("settings");
        Assert.Equal("ck-1", settings.GetProperty("consumerKey").GetString());
        Assert.Equal(20, settings.GetProperty("requestTimeoutSeconds").GetInt32());
        Assert.True(settings.GetProperty("pushSessionNotes").GetBoolean());
        Assert.False(settings.TryGetProperty("consumerSecret", out _));
        Assert.Contains("consumerSecret", view.GetProperty("secretsSet").EnumerateArray().Select(s => s.GetString()));

        // Omitting the secret keeps it.
        var again = await fixture.Http.SendAsync(Api.Put("/api/integrations/salesforce", new { enabled = false, consumerKey = "ck-2" }, newTag));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var kept = await again.JsonAsync();
        Assert.Equal("ck-2", kept.GetProperty("settings").GetProperty("consumerKey").GetString());
        Assert.Contains("consumerSecret", kept.GetProperty("secretsSet").EnumerateArray().Select(s => s.GetString()));

        Assert.DoesNotContain(fixture.Logs.Messages, m => m.Contains(Secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_stale_etag_gets_412_and_changes_nothing()
    {
        var first = await fixture.Http.GetAsync("/api/integrations/dynamics");
        var etag = first.Headers.ETag!.Tag;
        var saved = await fixture.Http.SendAsync(Api.Put("/api/integrations/dynamics", new { instanceUrl = "https://one.crm.dynamics.com" }, etag));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        var stale = await fixture.Http.SendAsync(Api.Put("/api/integrations/dynamics", new { instanceUrl = "https://two.crm.dynamics.com" }, etag));
        var problem = await stale.ProblemAsync(412);
        Assert.Equal("If-Match", problem.GetProperty("field").GetString());

        var now = await (await fixture.Http.GetAsync("/api/integrations/dynamics")).JsonAsync();
        Assert.Equal("https://one.crm.dynamics.com", now.GetProperty("settings").GetProperty("instanceUrl").GetString());
    }

    [Fact]
    public async Task A_put_without_if_match_gets_428()
    {
        var response = await fixture.Http.SendAsync(Api.Put("/api/integrations/platform", new { adminWebsiteBaseUrl = "https://x.example.com" }, null));
        await response.ProblemAsync(428);
    }

    [Fact]
    public async Task Invalid_settings_get_400_naming_each_field_and_nothing_is_stored()
    {
        var get = await fixture.Http.GetAsync("/api/integrations/salesforce");
        var etag = get.Headers.ETag!.Tag;
        var before = await get.Content.ReadAsStringAsync();

        var invalid = await fixture.Http.SendAsync(Api.Put("/api/integrations/salesforce", new { enabled = true, requestTimeoutSeconds = 500, maxConcurrentRequests = 0 }, etag));
        var problem = await invalid.ProblemAsync(400);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("requestTimeoutSeconds", out _), problem.ToString());
        Assert.True(errors.TryGetProperty("maxConcurrentRequests", out _), problem.ToString());
        Assert.True(errors.TryGetProperty("consumerKey", out _), problem.ToString());

        var unknown = await fixture.Http.SendAsync(Api.Put("/api/integrations/salesforce", new { enabled = false, consumerKye = "typo" }, etag));
        Assert.True((await unknown.ProblemAsync(400)).GetProperty("errors").TryGetProperty("consumerKye", out _));

        var wrongType = await fixture.Http.SendAsync(Api.Put("/api/integrations/csi", new { disabledQueues = "not-a-list" }, "*"));
        Assert.True((await wrongType.ProblemAsync(400)).GetProperty("errors").TryGetProperty("disabledQueues", out _));

        var after = await fixture.Http.GetAsync("/api/integrations/salesforce");
        Assert.Equal(etag, after.Headers.ETag!.Tag);
        Assert.Equal(before, await after.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Csi_takes_a_list_of_disabled_queues_and_hides_both_secrets()
    {
        var etag = (await fixture.Http.GetAsync("/api/integrations/csi")).Headers.ETag!.Tag;
        var put = await fixture.Http.SendAsync(Api.Put("/api/integrations/csi", new
        {
            enabled = false,
            instanceAddress = "csi.example.com",
            developerKey = "dev-key-secret-1",
            ftpHostname = "ftp.example.com",
            ftpUsername = "user",
            ftpPassword = "ftp-secret-2",
            disabledQueues = new[] { "Sales", "Support" },
        }, etag));
        var text = await put.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.DoesNotContain("dev-key-secret-1", text);
        Assert.DoesNotContain("ftp-secret-2", text);
        var view = await put.JsonAsync();
        Assert.Equal(["Sales", "Support"], view.GetProperty("settings").GetProperty("disabledQueues").EnumerateArray().Select(q => q.GetString()));
        Assert.Equal(["developerKey", "ftpPassword"], view.GetProperty("secretsSet").EnumerateArray().Select(s => s.GetString()).Order());
    }

    [Fact]
    public async Task An_unknown_integration_is_404()
    {
        var problem = await (await fixture.Http.GetAsync("/api/integrations/nope")).ProblemAsync(404);
        Assert.Equal("name", problem.GetProperty("field").GetString());
        await (await fixture.Http.SendAsync(Api.Put("/api/integrations/nope", new { }, "\"0\""))).ProblemAsync(404);
    }
}

[Collection(AdminApiCollection.Name)]
public sealed class AuthorizationTests(AdminApiFixture fixture)
{
    [Fact]
    public async Task The_callback_page_says_why_an_unknown_state_failed_html_encoded()
    {
        var response = await fixture.Anonymous.GetAsync("/api/integrations/dynamics/callback?state=%3Cscript%3Ex%3C%2Fscript%3E&code=abc");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("authorization failed", html);
        Assert.DoesNotContain("<script>", html);

        var refused = await fixture.Anonymous.GetAsync("/api/integrations/salesforce/callback?error=access_denied&error_description=%3Cb%3Eno%3C%2Fb%3E");
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        Assert.Contains("access_denied", refusedHtml);
        Assert.Contains("&lt;b&gt;no&lt;/b&gt;", refusedHtml);
    }

    [Fact]
    public async Task Status_reports_enabled_and_authorization()
    {
        var status = await (await fixture.Http.GetAsync("/api/integrations/salesforce/status")).JsonAsync();
        Assert.Equal("salesforce", status.GetProperty("integration").GetString());
        Assert.False(status.GetProperty("authorization").GetProperty("authorized").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Http.PostAsync("/api/integrations/csi/authorize", null)).StatusCode);
    }
}

[Collection(AdminApiCollection.Name)]
public sealed class BuilderTests(AdminApiFixture fixture)
{
    [Fact]
    public async Task Placeholders_of_a_where()
    {
        var response = await fixture.Http.PostAsJsonAsync("/api/integrations/salesforce/placeholders", new
        {
            primaryObject = "Contact",
            fields = new[] { new { field = "Id", extraItem = "ContactId" } },
            freeFormWhere = "Email = '{{Email}}' AND Phone = '{{Phone}}' OR Email = '{{Email}}'",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal(["Email", "Phone"], body.GetProperty("placeholders").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task Validate_lookup_refuses_a_search_parameter_that_is_not_field_or_object_field_naming_it()
    {
        var automatic = await (await fixture.Http.PostAsJsonAsync("/api/integrations/salesforce/validate-lookup", new { })).JsonAsync();
        Assert.True(automatic.GetProperty("valid").GetBoolean());

        var malformed = await fixture.Http.PostAsJsonAsync("/api/integrations/salesforce/validate-lookup", new
        {
            lookupType = "ExtraItemKey", extraItemName = "Ticket", searchParameter = "Ticket__c.Number OR Id",
        });
        var problem = await malformed.ProblemAsync(400);
        Assert.Contains("Ticket__c.Number OR Id", problem.GetProperty("errors").GetProperty("searchParameter")[0].GetString());
    }

    [Fact]
    public async Task A_malformed_node_names_the_field()
    {
        var missing = await fixture.Http.PostAsJsonAsync("/api/integrations/dynamics/placeholders", new { freeFormWhere = "x" });
        var problem = await missing.ProblemAsync(400);
        Assert.Contains("primaryObject", problem.GetProperty("errors").ToString());

        var badOperator = await fixture.Http.PostAsJsonAsync("/api/integrations/dynamics/validate-query", new
        {
            node = new { primaryObject = "contact", condition = new { field = "emailaddress1", @operator = "Resembles", value = "{{Email}}" } },
            sampleValues = new { Email = "a@b.c" },
        });
        Assert.True((await badOperator.ProblemAsync(400)).GetProperty("errors").TryGetProperty("node.condition.operator", out _));

        await (await fixture.Http.PostAsJsonAsync("/api/integrations/csi/placeholders", new { primaryObject = "x" })).ProblemAsync(404);
    }
}

[Collection(AdminApiCollection.Name)]
public sealed class SessionAndExportTests(AdminApiFixture fixture)
{
    [Fact]
    public async Task A_session_never_started_is_404_and_a_started_one_is_shown()
    {
        var id = "api-session-" + Guid.NewGuid().ToString("n");
        var problem = await (await fixture.Http.GetAsync($"/api/sessions/{id}")).ProblemAsync(404);
        Assert.Equal("id", problem.GetProperty("field").GetString());

        await fixture.Grains.GetGrain<ISessionGrain>(id).StartAsync(new SessionStart { Channel = SessionChannel.Voice, CallerPhoneNumber = "+15551234567" });
        await fixture.Grains.GetGrain<ISessionGrain>(id).EnqueueAsync("Sales");
        var details = await (await fixture.Http.GetAsync($"/api/sessions/{id}")).JsonAsync();
        var session = details.GetProperty("session");
        Assert.Equal(id, session.GetProperty("sessionId").GetString());
        Assert.Equal("Queued", session.GetProperty("status").GetString());
        Assert.Equal("Sales", session.GetProperty("queue").GetString());
        Assert.Equal(0, details.GetProperty("exports").GetArrayLength());
    }

    [Fact]
    public async Task Retrying_an_export_that_did_not_fail_is_a_conflict()
    {
        var id = "api-export-" + Guid.NewGuid().ToString("n");
        await (await fixture.Http.PostAsync($"/api/exports/salesforce/{id}/retry", null)).ProblemAsync(404);
        await (await fixture.Http.GetAsync($"/api/exports/salesforce/{id}")).ProblemAsync(404);
        await (await fixture.Http.GetAsync($"/api/exports/nowhere/{id}")).ProblemAsync(404);

        await fixture.Grains.GetGrain<IExportGrain>($"salesforce/{id}").StartAsync();
        var problem = await (await fixture.Http.PostAsync($"/api/exports/salesforce/{id}/retry", null)).ProblemAsync(409);
        Assert.Equal("export", problem.GetProperty("field").GetString());
        var status = await (await fixture.Http.GetAsync($"/api/exports/salesforce/{id}")).JsonAsync();
        Assert.Equal(id, status.GetProperty("sessionId").GetString());
    }

    [Fact]
    public async Task An_agent_never_seen_is_404()
    {
        await (await fixture.Http.GetAsync("/api/agents/nobody-" + Guid.NewGuid().ToString("n"))).ProblemAsync(404);
    }
}
