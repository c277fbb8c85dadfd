using ClarityConnect.Connectors.Dataverse;
using ClarityConnect.Connectors.OAuth;

namespace ClarityConnect.Connectors.Tests.Dataverse;

/// <summary>An identity provider or environment that quotes the request's secrets in its error text: none reaches an exception.</summary>
public sealed class DataverseSecretEchoTests
{
    private const string Secret = "dv~secret/with+plus=&more";

    [Fact]
    public async Task A_token_endpoint_echoing_the_client_secret_in_error_description_does_not_leak_it()
    {
        await using var harness = await DataverseHarness.StartAsync(clientCredentials: true, clientSecret: Secret);
        harness.Double.EchoCredentialsInErrors = true;
        const string wrong = "wrong/secret+x=1&y";

        var failure = await Assert.ThrowsAsync<OAuthException>(() =>
            harness.OAuth.ClientCredentialsAsync(harness.Credentials.Credentials with { ClientSecret = wrong }, CancellationToken.None));

        Assert.Equal("invalid_client", failure.Error);
        Assert.Contains("client_secret=***", failure.Description, StringComparison.Ordinal);
        AssertNoSecret(failure.ToString(), wrong);
    }

    [Fact]
    public async Task A_refused_refresh_token_echoed_back_does_not_reach_the_reauthorization_reason()
    {
        await using var harness = await DataverseHarness.StartAsync(clientSecret: Secret);
        var refreshToken = harness.Credentials.Credentials.RefreshToken!;
        harness.Double.EchoCredentialsInErrors = true;
        harness.Double.RevokeRefreshTokens();

        var failure = await Assert.ThrowsAsync<OAuthException>(() =>
            harness.Client.QueryAsync("contacts", "fullname", null, null, top: 1, pageSize: 10, CancellationToken.None));

        var reason = Assert.Single(harness.Credentials.ReauthorizationReasons);
        foreach (var text in new[] { failure.ToString(), reason })
        {
            AssertNoSecret(text, Secret);
            AssertNoSecret(text, refreshToken);
        }
    }

    [Fact]
    public async Task A_web_api_error_quoting_the_bearer_token_does_not_leak_it()
    {
        await using var harness = await DataverseHarness.StartAsync(clientCredentials: true, clientSecret: Secret);
        await harness.Client.ListEntitiesAsync(CancellationToken.None);
        var accessToken = harness.Double.Requests.Last(r => r.BearerToken is not null).BearerToken!;
        harness.Double.EchoCredentialsInErrors = true;
        harness.Double.FailNext(1, 400, "0x80040203", "Invalid argument");

        var failure = await Assert.ThrowsAsync<DataverseApiException>(() =>
            harness.Client.QueryAsync("contacts", "fullname", null, null, top: 1, pageSize: 10, CancellationToken.None));

        Assert.Contains("Authorization: Bearer ***", failure.Message, StringComparison.Ordinal);
        AssertNoSecret(failure.ToString(), accessToken);
    }

    private static void AssertNoSecret(string text, string secret)
    {
        Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Uri.EscapeDataString(secret), text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Uri.EscapeDataString(secret).Replace("%20", "+"), text, StringComparison.OrdinalIgnoreCase);
    }
}
