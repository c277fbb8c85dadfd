using System.Net;
using Microsoft.Extensions.DependencyInjection;

namespace ClarityConnect.AdminApi.Tests;

[Collection(AdminApiCollection.Name)]
public sealed class HostingTests(AdminApiFixture fixture)
{
    [Fact]
    public async Task Ready_when_the_cluster_and_its_storage_answer()
    {
        var live = await fixture.Anonymous.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        var ready = await fixture.Anonymous.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var body = await ready.JsonAsync();
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Equal(1, body.GetProperty("checks").GetProperty("cluster").GetProperty("data").GetProperty("activeSilos").GetInt32());
    }

    [Fact]
    public async Task The_reference_page_needs_a_key_and_serves_the_document()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Anonymous.GetAsync("/api/reference")).StatusCode);
        var page = await fixture.Http.GetAsync("/api/reference");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var paths = (await (await fixture.Http.GetAsync("/openapi/admin.json")).JsonAsync()).GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/sessions", out _), paths.ToString());
        Assert.True(paths.TryGetProperty("/api/exports", out _));
    }

    [Fact]
    public async Task A_valid_bearer_token_with_the_role_is_accepted()
    {
        using var response = await SendWithTokenAsync(Token());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Bearer_tokens_that_are_expired_foreign_or_badly_signed_get_401()
    {
        var otherKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        foreach (var token in new[]
        {
            Token(expires: DateTime.UtcNow.AddMinutes(-5)),
            Token(audience: "someone-else"),
            Token(issuer: "https://evil.example.com"),
            Token(key: otherKey),
            "not-a-jwt",
        })
        {
            using var response = await SendWithTokenAsync(token);
            var problem = await response.ProblemAsync(401);
            Assert.DoesNotContain(token, problem.ToString());
        }
    }

    [Fact]
    public async Task A_bearer_token_without_the_role_is_forbidden()
    {
        using var response = await SendWithTokenAsync(Token(role: null));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task The_orleans_dashboard_is_served_behind_the_admin_key()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Anonymous.GetAsync("/dashboard/")).StatusCode);
        var page = await fixture.Http.GetAsync("/dashboard/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData(new string[0], "No way to authenticate")]
    [InlineData(new[] { "--ClarityConnect:AdminApi:ApiKeyFile", "keys.txt", "--ClarityConnect:Storage:Profile", "PostgreSql" }, "ClarityConnect:Storage:ConnectionString")]
    [InlineData(new[] { "--ClarityConnect:AdminApi:ApiKeyFile", "keys.txt", "--ClarityConnect:AdminApi:Gateways:0", "nowhere" }, "ClarityConnect:AdminApi:Gateways")]
    [InlineData(new[] { "--ClarityConnect:AdminApi:ApiKeyFile", "keys.txt", "--ClarityConnect:Cluster:Tls:CaFile", "ca.crt" }, "ClarityConnect:Cluster:Tls:CertificateFile")]
    [InlineData(new[] { "--ClarityConnect:AdminApi:ApiKeyFile", "keys.txt", "--ClarityConnect:Cluster:Tls:Directory", "/nonexistent/tls" }, "ClarityConnect:Cluster:Tls:CaFile: the file /nonexistent/tls/ca.crt does not exist")]
    [InlineData(new[] { "--ClarityConnect:AdminApi:ApiKeyFile", "keys.txt", "--ClarityConnect:Cluster:AllowInsecureTransport", "maybe" }, "ClarityConnect:Cluster:AllowInsecureTransport must be true or false")]
    [InlineData(new[] { "--ClarityConnect:AdminApi:Jwt:SigningKey", "c2hvcnQ=", "--ClarityConnect:AdminApi:Jwt:Audience", "a", "--ClarityConnect:AdminApi:Jwt:Issuer", "i" }, "ClarityConnect:AdminApi:Jwt:SigningKey")]
    [InlineData(new[] { "--ClarityConnect:AdminApi:ApiKeyFile", "keys.txt", "--ClarityConnect:AdminApi:MaxRequestBodyBytes", "-1", "--ClarityConnect:Cluster:AllowInsecureTransport", "true" }, "ClarityConnect:AdminApi:MaxRequestBodyBytes must be between 1024 and 104857600 bytes; it is -1.")]
    [InlineData(new[] { "--ClarityConnect:AdminApi:ApiKeyFile", "keys.txt", "--ClarityConnect:Telemetry:TraceSampleRatio", "2", "--ClarityConnect:Cluster:AllowInsecureTransport", "true" }, "ClarityConnect:Telemetry:TraceSampleRatio")]
    public void The_standalone_host_refuses_a_bad_configuration_naming_the_setting(string[] args, string named)
    {
        var (app, errors) = AdminApiHost.Build(args);
        Assert.Null(app);
        Assert.Contains(errors, e => e.Contains(named, StringComparison.Ordinal));
    }

    [Fact]
    public void The_standalone_host_does_not_log_request_urls_by_default()
    {
        // Deployed on its own the admin API has no appsettings.json: an empty content root is what it starts with. Request
        // lines carry the full URL, and the OAuth callback's query holds the authorization code.
        var empty = Directory.CreateTempSubdirectory("clarityconnect-admin-").FullName;
        try
        {
            var (app, errors) = AdminApiHost.Build(["--contentRoot", empty, "--ClarityConnect:AdminApi:ApiKeyHashes:0", ApiKeyStore.Hash("k"), "--ClarityConnect:AdminApi:Gateways:0", "127.0.0.1:30000", "--ClarityConnect:Cluster:AllowInsecureTransport", "true"]);
            Assert.Empty(errors);
            var logger = app!.Services.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>().CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics");

            Assert.False(logger.IsEnabled(Microsoft.Extensions.Logging.LogLevel.Information));
            Assert.True(logger.IsEnabled(Microsoft.Extensions.Logging.LogLevel.Warning));
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    private async Task<HttpResponseMessage> SendWithTokenAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/integrations");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return await fixture.Anonymous.SendAsync(request);
    }

    private static string Token(
        string issuer = AdminApiFixture.JwtIssuer, string audience = AdminApiFixture.JwtAudience, string? role = AdminApiFixture.JwtRole,
        DateTime? expires = null, string? key = null) => TestTokens.Create(issuer, audience, role, expires, key);
}
