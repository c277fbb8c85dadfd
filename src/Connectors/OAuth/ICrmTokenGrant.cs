namespace ClarityConnect.Connectors.OAuth;

/// <summary>A CRM's token endpoint as the shared token flow uses it: a new access token from the credentials' refresh token,
/// or from the client credentials when there is none. Implemented by each CRM's OAuth client.</summary>
/// <typeparam name="TCredentials">The CRM's credentials.</typeparam>
public interface ICrmTokenGrant<in TCredentials>
{
    /// <summary>Who issues the tokens, as administrators know it: <c>Salesforce</c>, <c>Entra ID</c>.</summary>
    string Issuer { get; }

    /// <summary>Requests an access token (<c>refresh_token</c> grant when the credentials have a refresh token, else <c>client_credentials</c>).</summary>
    /// <exception cref="OAuthException">The token endpoint refused it.</exception>
    Task<IssuedAccessToken> RequestAsync(TCredentials credentials, CancellationToken cancellationToken);
}

/// <summary>What a token endpoint issued, in the terms the shared token flow needs.</summary>
/// <param name="AccessToken">The bearer token. Secret.</param>
/// <param name="RefreshToken">A new refresh token when the endpoint rotated it, else null. Secret.</param>
/// <param name="InstanceUrl">The CRM instance the token calls.</param>
/// <param name="ExpiresAt">When the token expires; null when the endpoint does not say (Salesforce: a 401 is the signal).</param>
/// <param name="Grant">The grant used, for the log: <c>refresh_token</c> or <c>client_credentials</c>.</param>
public sealed record IssuedAccessToken(string AccessToken, string? RefreshToken, Uri InstanceUrl, DateTimeOffset? ExpiresAt, string Grant)
{
    /// <inheritdoc />
    public override string ToString() => $"IssuedAccessToken {{ InstanceUrl = {InstanceUrl}, ExpiresAt = {ExpiresAt:O}, Grant = {Grant} }}";
}
