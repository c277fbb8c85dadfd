using ClarityConnect.Connectors.OAuth;
using ClarityConnect.Connectors.Salesforce;

namespace ClarityConnect.Connectors.Tests.Salesforce;

/// <summary>An org (or a proxy in front of it) that quotes the request's secrets in its error text: none reaches an exception.</summary>
public sealed class SalesforceSecretEchoTests
{
    private const string Secret = "sf-secret/with+plus=&more";

    [Fact]
    public async Task A_token_endpoint_echoing_client_secret_and_refresh_token_in_error_description_leaks_neither()
    {
        await using var harness = await SalesforceHarness.StartAsync(clientSecret: Secret);
        var refreshToken = harness.Credentials.Credentials.RefreshToken!;
        harness.Double.EchoCredentialsInErrors = true;
        harness.Double.RevokeRefreshToken();

        var failure = await Assert.ThrowsAsync<OAuthException>(() => harness.Client.QueryAsync("SELECT Id FROM Contact", CancellationToken.None));

        Assert.Equal("invalid_grant", failure.Error);
        Assert.Contains("client_secret=***", failure.Description, StringComparison.Ordinal);
        Assert.Contains("refresh_token=***", failure.Description, StringComparison.Ordinal);
        var reason = Assert.Single(harness.Credentials.ReauthorizationReasons);
        foreach (var text in new[] { failure.ToString(), reason })
        {
            AssertNoSecret(text, Secret);
            AssertNoSecret(text, refreshToken);
        }
    }

    [Fact]
    public async Task A_rest_error_quoting_the_bearer_token_does_not_leak_it()
    {
        await using var harness = await SalesforceHarness.StartAsync(clientSecret: Secret);
        await harness.Client.QueryAsync("SELECT Id FROM Contact", CancellationToken.None);
        var accessToken = harness.Double.Requests.Last(r => r.BearerToken is not null).BearerToken!;
        harness.Double.EchoCredentialsInErrors = true;
        harness.Double.FailNext(1, 400, "MALFORMED_QUERY", "unexpected token");

        var failure = await Assert.ThrowsAsync<SalesforceApiException>(() => harness.Client.QueryAsync("SELECT Id FROM Contact", CancellationToken.None));

        Assert.Contains("Authorization: Bearer ***", failure.Message, StringComparison.Ordinal);
        AssertNoSecret(failure.ToString(), accessToken);
        AssertNoSecret(string.Join(" ", failure.Errors.Select(e => e.Message)), accessToken);
    }

    private static void AssertNoSecret(string text, string secret)
    {
        Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Uri.EscapeDataString(secret), text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Uri.EscapeDataString(secret).Replace("%20", "+"), text, StringComparison.OrdinalIgnoreCase);
    }
}
