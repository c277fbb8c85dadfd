namespace ClarityConnect.Connectors.OAuth;

/// <summary>A CRM's token endpoint as the shared token flow uses it. Implemented by each CRM's OAuth client;
/// <see cref="CrmAccessTokenStore{TCredentials}"/> picks the grant (the refresh token when the credentials have one).</summary>
/// <typeparam name="TCredentials">The CRM's credentials.</typeparam>
public interface ICrmTokenGrant<in TCredentials>
{
    /// <summary>Who issues the tokens, as administrators know it: <c>Salesforce</c>, <c>Entra ID</c>.</summary>
    string Issuer { get; }

    /// <summary>A new access token from the credentials' refresh token (<c>grant_type=refresh_token</c>).</summary>
    /// <exception cref="InvalidOperationException">The credentials have no refresh token.</exception>
    /// <exception cref="OAuthException">The token endpoint refused it; <see cref="OAuthException.RequiresReauthorization"/>
    /// tells whether an administrator must authorize again.</exception>
    Task<CrmAccessToken> RefreshAsync(TCredentials credentials, CancellationToken cancellationToken);

    /// <summary>An access token for the application itself (<c>grant_type=client_credentials</c>).</summary>
    /// <exception cref="OAuthException">The token endpoint refused it.</exception>
    Task<CrmAccessToken> ClientCredentialsAsync(TCredentials credentials, CancellationToken cancellationToken);
}
