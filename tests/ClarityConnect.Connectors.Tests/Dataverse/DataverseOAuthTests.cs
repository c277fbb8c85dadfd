using System.Web;
using ClarityConnect.Connectors.Dataverse;
using ClarityConnect.Connectors.OAuth;

namespace ClarityConnect.Connectors.Tests.Dataverse;

public sealed class DataverseOAuthTests
{
    private static readonly Uri Redirect = new("https://clarity.example/oauth/dynamics/callback");

    [Fact]
    public async Task Authorization_url_carries_pkce_state_and_the_environment_scope()
    {
        await using var harness = await DataverseHarness.StartAsync();
        var verifier = Pkce.CreateVerifier();

        var url = harness.OAuth.BuildAuthorizationUrl(harness.Credentials.Credentials, Redirect, "st+ate/1", Pkce.Challenge(verifier));

        var query = HttpUtility.ParseQueryString(url.Query);
        Assert.Equal(harness.Double.AuthorizationUrl.AbsolutePath, url.AbsolutePath);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal("query", query["response_mode"]);
        Assert.Equal(harness.Double.ClientId, query["client_id"]);
        Assert.Equal(Redirect.AbsoluteUri, query["redirect_uri"]);
        Assert.Equal("st+ate/1", query["state"]);
        Assert.Equal(Pkce.Challenge(verifier), query["code_challenge"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.Equal($"{harness.Double.BaseUrl.GetLeftPart(UriPartial.Authority)}/.default offline_access", query["scope"]);
    }

    [Fact]
    public async Task Code_exchange_with_the_right_verifier_returns_tokens()
    {
        await using var harness = await DataverseHarness.StartAsync();
        var verifier = Pkce.CreateVerifier();
        var code = harness.Double.IssueAuthorizationCode(Pkce.Challenge(verifier), Redirect);

        var token = await harness.OAuth.ExchangeCodeAsync(harness.Credentials.Credentials, code, Redirect, verifier, CancellationToken.None);

        Assert.False(string.IsNullOrEmpty(token.AccessToken));
        Assert.NotNull(token.RefreshToken);
        Assert.True(token.ExpiresAt > DateTimeOffset.UtcNow.AddMinutes(55));
        Assert.DoesNotContain(token.AccessToken, token.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Code_exchange_with_a_wrong_verifier_is_refused()
    {
        await using var harness = await DataverseHarness.StartAsync();
        var code = harness.Double.IssueAuthorizationCode(Pkce.Challenge(Pkce.CreateVerifier()), Redirect);

        var error = await Assert.ThrowsAsync<OAuthException>(() =>
            harness.OAuth.ExchangeCodeAsync(harness.Credentials.Credentials, code, Redirect, Pkce.CreateVerifier(), CancellationToken.None));

        Assert.Equal("invalid_grant", error.Error);
        Assert.Contains("AADSTS501481", error.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Client_credentials_use_the_default_scope_and_get_no_refresh_token()
    {
        await using var harness = await DataverseHarness.StartAsync(clientCredentials: true);

        var token = await harness.OAuth.ClientCredentialsAsync(harness.Credentials.Credentials, CancellationToken.None);

        Assert.Null(token.RefreshToken);
        Assert.Contains($"scope={Uri.EscapeDataString(harness.Double.BaseUrl.GetLeftPart(UriPartial.Authority) + "/.default")}", harness.Double.TokenRequests.Single().Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_secret_is_refused_for_good()
    {
        await using var harness = await DataverseHarness.StartAsync(clientCredentials: true);

        var error = await Assert.ThrowsAsync<OAuthException>(() =>
            harness.OAuth.ClientCredentialsAsync(harness.Credentials.Credentials with { ClientSecret = "wrong" }, CancellationToken.None));

        Assert.Equal("invalid_client", error.Error);
        Assert.True(error.RequiresReauthorization);
        Assert.DoesNotContain("wrong", error.Message, StringComparison.Ordinal);
    }
}
