using ClarityConnect.Connectors.OAuth;

namespace ClarityConnect.Connectors.Dataverse;

/// <summary>Microsoft Entra ID (v2 endpoints) for Dataverse: the authorization-code flow with PKCE, the refresh-token grant
/// and the client-credentials grant, against the credentials' <see cref="DataverseCredentials.AuthorizationUrl"/> and
/// <see cref="DataverseCredentials.TokenUrl"/>.</summary>
/// <remarks>
/// <para>Scopes: ClarityConnect is a confidential client (it holds a client secret), and Dataverse documents
/// <c>{environment-url}/.default</c> for confidential clients and <c>/user_impersonation</c> for public ones
/// (crm-wire-facts B1). So the delegated flow asks for <c>{InstanceUrl}/.default offline_access</c> (<c>offline_access</c>
/// is what makes Entra ID return a refresh token) and client credentials for <c>{InstanceUrl}/.default</c> alone (one
/// resource, no other scope allowed).</para>
/// <para>Token-endpoint refusals surface as <see cref="OAuthException"/> (<see cref="OAuthException.RequiresReauthorization"/>
/// for <c>invalid_grant</c> and kin); an unreachable endpoint as <see cref="DataverseUnavailableException"/>. Neither tokens nor
/// secrets appear in messages.</para>
/// </remarks>
public sealed class DataverseOAuthClient(HttpClient httpClient, TimeProvider timeProvider)
    : ICrmTokenGrant<DataverseCredentials>, ICrmAuthorizationCodeGrant<DataverseCredentials>
{
    /// <summary>Used for <see cref="CrmAccessToken.ExpiresAt"/> when a response has no <c>expires_in</c> (Dataverse tokens last about an hour).</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(1);

    /// <inheritdoc />
    public string Issuer => "Entra ID";

    /// <inheritdoc />
    /// <remarks>Entra ID returns a refresh token only for the <c>offline_access</c> scope (<see cref="DelegatedScope"/>).</remarks>
    public string NoRefreshTokenMessage => "Microsoft Entra ID returned no refresh token; the offline_access scope is missing.";

    /// <summary>The scope of the delegated (authorization-code and refresh) grants: <c>{InstanceUrl}/.default offline_access</c>.</summary>
    public static string DelegatedScope(DataverseCredentials credentials) => ResourceScope(credentials) + " offline_access";

    /// <summary>The scope of the client-credentials grant: <c>{InstanceUrl}/.default</c>.</summary>
    public static string ResourceScope(DataverseCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        return credentials.InstanceUrl.GetLeftPart(UriPartial.Authority) + "/.default";
    }

    /// <inheritdoc />
    /// <remarks>The authorize endpoint with <c>response_type=code</c>, <c>response_mode=query</c>, <c>client_id</c>,
    /// <c>redirect_uri</c>, <c>scope</c> (<see cref="DelegatedScope"/>), <c>state</c>, <c>code_challenge</c> and
    /// <c>code_challenge_method=S256</c>.</remarks>
    public Uri BuildAuthorizationUrl(DataverseCredentials credentials, Uri redirectUri, string state, string codeChallenge)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        return OAuthTokenEndpoint.AuthorizationUrl(
            credentials.AuthorizationUrl, credentials.ClientId, redirectUri, DelegatedScope(credentials), state, codeChallenge, ("response_mode", "query"));
    }

    /// <inheritdoc />
    /// <exception cref="OAuthException">Entra ID refused it (a wrong verifier, a used or expired code: <c>invalid_grant</c>).</exception>
    /// <exception cref="DataverseUnavailableException">The token endpoint could not be reached.</exception>
    public Task<CrmAccessToken> ExchangeCodeAsync(
        DataverseCredentials credentials, string code, Uri redirectUri, string codeVerifier, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        return RequestTokenAsync(credentials, OAuthTokenEndpoint.AuthorizationCodeForm(
            credentials.ClientId, credentials.ClientSecret, DelegatedScope(credentials), code, redirectUri, codeVerifier), cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>Entra ID's token names no user: the application and the environment it was authorized for.</remarks>
    public string? AuthorizedAs(DataverseCredentials credentials, CrmAccessToken token)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        return $"{credentials.ClientId} at {credentials.InstanceUrl.Host}";
    }

    /// <inheritdoc />
    /// <remarks>The answer usually carries a new refresh token (<see cref="CrmAccessToken.RefreshToken"/>): Entra ID rotates it.</remarks>
    /// <exception cref="DataverseUnavailableException">The token endpoint could not be reached.</exception>
    public Task<CrmAccessToken> RefreshAsync(DataverseCredentials credentials, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        return RequestTokenAsync(credentials, OAuthTokenEndpoint.RefreshTokenForm(
            "Dataverse", credentials.ClientId, credentials.ClientSecret, DelegatedScope(credentials), credentials.RefreshToken), cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>The token acts for the app's Application User; the scope is <see cref="ResourceScope"/>.</remarks>
    /// <exception cref="DataverseUnavailableException">The token endpoint could not be reached.</exception>
    public Task<CrmAccessToken> ClientCredentialsAsync(DataverseCredentials credentials, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        return RequestTokenAsync(credentials, OAuthTokenEndpoint.ClientCredentialsForm(credentials.ClientId, credentials.ClientSecret, ResourceScope(credentials)), cancellationToken);
    }

    private async Task<CrmAccessToken> RequestTokenAsync(
        DataverseCredentials credentials, Dictionary<string, string> form, CancellationToken cancellationToken)
    {
        var (token, _) = await OAuthTokenEndpoint.PostAsync(
            httpClient,
            credentials.TokenUrl,
            form,
            credentials.RequestTimeout,
            (failure, ex) => new DataverseUnavailableException($"The Entra ID token endpoint could not be reached: {failure}", ex),
            cancellationToken).ConfigureAwait(false);
        var receivedAt = timeProvider.GetUtcNow();
        var lifetime = token.ExpiresIn is { } seconds && seconds > 0 ? TimeSpan.FromSeconds(seconds) : DefaultLifetime;
        return new CrmAccessToken
        {
            AccessToken = token.AccessToken!,
            RefreshToken = string.IsNullOrEmpty(token.RefreshToken) ? null : token.RefreshToken,
            InstanceUrl = credentials.InstanceUrl,
            ExpiresAt = receivedAt + lifetime,
            IssuedAt = receivedAt,
            Scope = token.Scope,
        };
    }
}
