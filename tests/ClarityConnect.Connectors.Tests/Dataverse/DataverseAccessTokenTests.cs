using System.Text.Json.Nodes;
using ClarityConnect.Connectors.OAuth;

namespace ClarityConnect.Connectors.Tests.Dataverse;

public sealed class DataverseAccessTokenTests
{
    private static Task QueryAsync(DataverseHarness harness) =>
        harness.Client.QueryAsync("contacts", "fullname", null, null, null, 10, CancellationToken.None);

    [Fact]
    public async Task Rotated_refresh_token_is_stored_and_used_next_time()
    {
        await using var harness = await DataverseHarness.StartAsync();
        var original = harness.Credentials.Credentials.RefreshToken!;

        await QueryAsync(harness);

        var rotated = Assert.Single(harness.Credentials.RotatedRefreshTokens);
        Assert.NotEqual(original, rotated);
        Assert.False(harness.Double.IsValidRefreshToken(original));
        harness.Double.ExpireAccessTokens();

        await QueryAsync(harness);

        Assert.Equal(2, harness.Credentials.RotatedRefreshTokens.Count);
        Assert.Empty(harness.Credentials.ReauthorizationReasons);
    }

    [Fact]
    public async Task Token_is_renewed_before_it_expires()
    {
        await using var harness = await DataverseHarness.StartAsync();
        await QueryAsync(harness);
        Assert.Equal(1, harness.Double.IssuedAccessTokenCount);

        harness.Clock.Offset = TimeSpan.FromMinutes(56);
        harness.Double.ClearRequests();
        await QueryAsync(harness);

        Assert.Equal(2, harness.Double.IssuedAccessTokenCount);
        Assert.True(harness.Double.Requests[0].IsTokenRequest);
        Assert.DoesNotContain(harness.Double.Requests, r => r.IsWebApi && r.BearerToken is null);
        Assert.Single(harness.Double.WebApiRequests);
    }

    [Fact]
    public async Task Twenty_concurrent_calls_after_expiry_refresh_once()
    {
        await using var harness = await DataverseHarness.StartAsync();
        harness.Double.AddRecord("contact", new JsonObject { ["fullname"] = "Ann" });
        await QueryAsync(harness);
        harness.Double.ExpireAccessTokens();

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => QueryAsync(harness)));

        Assert.Equal(2, harness.Double.IssuedAccessTokenCount);
        Assert.Equal(2, harness.Double.TokenRequests.Count);
    }

    [Fact]
    public async Task Twenty_concurrent_calls_near_expiry_refresh_once()
    {
        await using var harness = await DataverseHarness.StartAsync();
        await QueryAsync(harness);
        harness.Clock.Offset = TimeSpan.FromHours(2);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => QueryAsync(harness)));

        Assert.Equal(2, harness.Double.TokenRequests.Count);
    }

    [Fact]
    public async Task Revoked_grant_reports_reauthorization_once_and_fails_fast()
    {
        await using var harness = await DataverseHarness.StartAsync();
        await QueryAsync(harness);
        harness.Double.RevokeRefreshTokens();

        var first = await Assert.ThrowsAsync<OAuthException>(() => QueryAsync(harness));
        var second = await Assert.ThrowsAsync<OAuthException>(() => QueryAsync(harness));

        Assert.Equal("invalid_grant", first.Error);
        Assert.Equal("invalid_grant", second.Error);
        var reason = Assert.Single(harness.Credentials.ReauthorizationReasons);
        Assert.Contains("AADSTS50173", reason, StringComparison.Ordinal);
        Assert.Equal(2, harness.Double.TokenRequests.Count);

        harness.Credentials.Credentials = harness.Credentials.Credentials with { RefreshToken = harness.Double.IssueRefreshToken() };
        await QueryAsync(harness);
    }

    [Fact]
    public async Task Client_credentials_flow_is_used_without_refresh_token()
    {
        await using var harness = await DataverseHarness.StartAsync(clientCredentials: true);

        await QueryAsync(harness);

        Assert.Equal("client_credentials", harness.Double.TokenRequests.Single().GrantType);
        Assert.Empty(harness.Credentials.RotatedRefreshTokens);
    }

    [Fact]
    public async Task Web_api_requests_carry_the_odata_headers()
    {
        await using var harness = await DataverseHarness.StartAsync();

        await QueryAsync(harness);

        var request = harness.Double.WebApiRequests.Single();
        Assert.Equal("4.0", request.ODataVersion);
        Assert.Equal("4.0", request.ODataMaxVersion);
        Assert.Equal("application/json", request.Accept);
        Assert.StartsWith("/api/data/v9.2/contacts", request.Path, StringComparison.Ordinal);
    }
}
