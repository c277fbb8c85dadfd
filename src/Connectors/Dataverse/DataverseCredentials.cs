using ClarityConnect.Connectors.OAuth;
using ClarityConnect.Connectors.Security;

namespace ClarityConnect.Connectors.Dataverse;

/// <summary>How the connector authenticates against Microsoft Entra ID and which Dataverse environment it calls.</summary>
public sealed record DataverseCredentials : ICrmCredentials<DataverseCredentials>
{
    /// <summary>The environment, e.g. <c>https://contoso.crm.dynamics.com</c> ("MS Dynamics Instance URL").</summary>
    public required Uri InstanceUrl { get; init; }
    /// <summary>The authorize endpoint ("MS Dynamics Authorization URL").</summary>
    public required Uri AuthorizationUrl { get; init; }
    /// <summary>The token endpoint ("MS Dynamics Token URL").</summary>
    public required Uri TokenUrl { get; init; }
    /// <summary>The application (client) id ("MS Dynamics ClientId").</summary>
    public required string ClientId { get; init; }
    /// <summary>The client secret ("MS Dynamics Client Key").</summary>
    public required string ClientSecret { get; init; }
    /// <summary>The refresh token from the authorization-code flow; null means the client-credentials flow.</summary>
    public string? RefreshToken { get; init; }
    /// <summary>Timeout of one request.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    SecretRedactor ICrmCredentials<DataverseCredentials>.Secrets => SecretRedactor.For(RefreshToken).WithBasic(ClientId, ClientSecret);

    string ICrmCredentials<DataverseCredentials>.Fingerprint =>
        CrmCredentialsFingerprint.Of(InstanceUrl.AbsoluteUri, TokenUrl.AbsoluteUri, ClientId, ClientSecret, RefreshToken);

    DataverseCredentials ICrmCredentials<DataverseCredentials>.WithRefreshToken(string refreshToken) => this with { RefreshToken = refreshToken };

    // Records print every property by default; the secret and the refresh token must never reach a log through ToString.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder
            .Append("InstanceUrl = ").Append(InstanceUrl)
            .Append(", AuthorizationUrl = ").Append(AuthorizationUrl)
            .Append(", TokenUrl = ").Append(TokenUrl)
            .Append(", ClientId = ").Append(ClientId)
            .Append(", ClientSecret = ").Append(ClientSecret is null ? "null" : "***")
            .Append(", RefreshToken = ").Append(RefreshToken is null ? "null" : "***")
            .Append(", RequestTimeout = ").Append(RequestTimeout);
        return true;
    }
}
