using ClarityConnect.Connectors.OAuth;
using ClarityConnect.Connectors.Security;

namespace ClarityConnect.Connectors.Salesforce;

/// <summary>How the connector authenticates: the connected app, the org's login URL and the grant to use.</summary>
public sealed record SalesforceCredentials : ICrmCredentials<SalesforceCredentials>
{
    /// <summary>The login URL: <c>https://login.salesforce.com</c>, <c>https://test.salesforce.com</c> or a My Domain URL.</summary>
    public required Uri LoginUrl { get; init; }
    /// <summary>The connected app's Consumer Key.</summary>
    public required string ConsumerKey { get; init; }
    /// <summary>The connected app's Consumer Secret.</summary>
    public required string ConsumerSecret { get; init; }
    /// <summary>The refresh token from the web-server flow; null means the client-credentials flow is used.</summary>
    public string? RefreshToken { get; init; }
    /// <summary>The REST API version, e.g. <c>62.0</c>.</summary>
    public required string ApiVersion { get; init; }
    /// <summary>Timeout of one request.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    SecretRedactor ICrmCredentials<SalesforceCredentials>.Secrets => SecretRedactor.For(RefreshToken).WithBasic(ConsumerKey, ConsumerSecret);

    string ICrmCredentials<SalesforceCredentials>.Fingerprint => CrmCredentialsFingerprint.Of(LoginUrl.AbsoluteUri, ConsumerKey, ConsumerSecret, RefreshToken);

    SalesforceCredentials ICrmCredentials<SalesforceCredentials>.WithRefreshToken(string refreshToken) => this with { RefreshToken = refreshToken };

    // Records print every property by default; the secret and the refresh token must never reach a log through ToString.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder
            .Append("LoginUrl = ").Append(LoginUrl)
            .Append(", ConsumerKey = ").Append(ConsumerKey)
            .Append(", ConsumerSecret = ").Append(ConsumerSecret is null ? "null" : "***")
            .Append(", RefreshToken = ").Append(RefreshToken is null ? "null" : "***")
            .Append(", ApiVersion = ").Append(ApiVersion)
            .Append(", RequestTimeout = ").Append(RequestTimeout);
        return true;
    }
}
