using System.Net;
using ClarityConnect.Connectors.OAuth;
using ClarityConnect.Connectors.Salesforce;
using Microsoft.AspNetCore.WebUtilities;

namespace ClarityConnect.Connectors.Tests.Salesforce;

public sealed class SalesforceOAuthTests
{
    private static readonly Uri Callback = new("https://admin.example.test/oauth/salesforce/callback");

    [Fact]
    public async Task Authorization_url_carries_pkce_state_and_scope()
    {
        await using var harness = await SalesforceHarness.StartAsync();
        var url = harness.OAuth.BuildAuthorizationUrl(harness.Credentials.Credentials, Callback, "st@te/1", "challenge-value");

        Assert.Equal("/services/oauth2/authorize", url.AbsolutePath);
        var query = QueryHelpers.ParseQuery(url.Query);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal(harness.Double.ClientId, query["client_id"]);
        Assert.Equal(Callback.AbsoluteUri, query["redirect_uri"]);
        Assert.Equal("st@te/1", query["state"]);
        Assert.Equal("challenge-value", query["code_challenge"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.Equal("api refresh_token", query["scope"]);
    }

    [Fact]
    public async Task Web_server_flow_with_pkce_yields_refresh_token_and_instance()
    {
        await using var harness = await SalesforceHarness.StartAsync();
        var verifier = Pkce.CreateVerifier();
        var state = OAuthState.Create();
        var url = harness.OAuth.BuildAuthorizationUrl(harness.Credentials.Credentials, Callback, state, Pkce.Challenge(verifier));

        // The administrator's browser: the double's authorize endpoint redirects back with a code and the state.
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var redirect = await browser.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        var callback = QueryHelpers.ParseQuery(redirect.Headers.Location!.Query);
        Assert.True(OAuthState.Matches(state, callback["state"]));

        var token = await harness.OAuth.ExchangeCodeAsync(harness.Credentials.Credentials, callback["code"]!, Callback, verifier, CancellationToken.None);

        Assert.False(string.IsNullOrEmpty(token.RefreshToken));
        Assert.Equal(harness.Double.BaseUrl, token.InstanceUrl);
        Assert.Equal($"/id/{harness.Double.OrgId}/{harness.Double.UserId}", token.IdentityUrl!.AbsolutePath);
        Assert.InRange(token.IssuedAt, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.DoesNotContain(token.AccessToken, token.ToString(), StringComparison.Ordinal);

        var grant = harness.Double.TokenRequests.Single();
        Assert.Equal("authorization_code", grant.GrantType);
        Assert.Contains("code_verifier=" + verifier, grant.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_verifier_is_refused_and_the_code_cannot_be_replayed()
    {
        await using var harness = await SalesforceHarness.StartAsync();
        var verifier = Pkce.CreateVerifier();
        var code = harness.Double.IssueAuthorizationCode(Pkce.Challenge(verifier), Callback);

        var wrong = await Assert.ThrowsAsync<OAuthException>(() =>
            harness.OAuth.ExchangeCodeAsync(harness.Credentials.Credentials, code, Callback, Pkce.CreateVerifier(), CancellationToken.None));
        Assert.Equal("invalid_request", wrong.Error);
        Assert.False(wrong.RequiresReauthorization);

        await harness.OAuth.ExchangeCodeAsync(harness.Credentials.Credentials, code, Callback, verifier, CancellationToken.None);
        var replay = await Assert.ThrowsAsync<OAuthException>(() =>
            harness.OAuth.ExchangeCodeAsync(harness.Credentials.Credentials, code, Callback, verifier, CancellationToken.None));
        Assert.Equal("invalid_grant", replay.Error);
    }

    [Fact]
    public async Task Wrong_consumer_secret_is_invalid_client()
    {
        await using var harness = await SalesforceHarness.StartAsync();
        var credentials = harness.Credentials.Credentials with { ConsumerSecret = "not-the-secret" };

        var error = await Assert.ThrowsAsync<OAuthException>(() => harness.OAuth.RefreshAsync(credentials, CancellationToken.None));

        Assert.Equal("invalid_client", error.Error);
        Assert.True(error.RequiresReauthorization);
        Assert.DoesNotContain("not-the-secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoked_refresh_token_requires_reauthorization_and_notifies_the_source_once()
    {
        await using var harness = await SalesforceHarness.StartAsync();
        harness.Double.RevokeRefreshToken();

        var first = await Assert.ThrowsAsync<OAuthException>(() => harness.Client.QueryAsync("SELECT Id FROM Contact", CancellationToken.None));
        var second = await Assert.ThrowsAsync<OAuthException>(() => harness.Client.QueryAsync("SELECT Id FROM Contact", CancellationToken.None));

        Assert.Equal("invalid_grant", first.Error);
        Assert.True(first.RequiresReauthorization);
        Assert.True(second.RequiresReauthorization);
        var reason = Assert.Single(harness.Credentials.ReauthorizationReasons);
        Assert.Contains("invalid_grant", reason, StringComparison.Ordinal);
        Assert.Single(harness.Double.TokenRequests);
        Assert.DoesNotContain(harness.Double.Requests, r => r.Path.EndsWith("/query", StringComparison.Ordinal));
    }

    [Fact]
    public async Task New_credentials_after_reauthorization_are_used()
    {
        await using var harness = await SalesforceHarness.StartAsync();
        harness.Double.RevokeRefreshToken();
        await Assert.ThrowsAsync<OAuthException>(() => harness.Client.QueryAsync("SELECT Id FROM Contact", CancellationToken.None));

        harness.Credentials.Credentials = harness.Credentials.Credentials with { RefreshToken = harness.Double.IssueRefreshToken() };
        var page = await harness.Client.QueryAsync("SELECT Id FROM Contact", CancellationToken.None);

        Assert.True(page.Done);
    }

    [Fact]
    public async Task Client_credentials_grant_is_used_without_a_refresh_token()
    {
        await using var harness = await SalesforceHarness.StartAsync(clientCredentials: true);

        await harness.Client.QueryAsync("SELECT Id FROM Contact", CancellationToken.None);

        Assert.Equal("client_credentials", Assert.Single(harness.Double.TokenRequests).GrantType);
    }
}
