namespace ClarityConnect.Connectors.OAuth;

/// <summary>A CRM's authorization-code flow with PKCE as the "Key icon" uses it: the URL the administrator opens, the code
/// exchange, and what the issuer's answer tells about it. Implemented by each CRM's OAuth client.</summary>
/// <typeparam name="TCredentials">The CRM's credentials.</typeparam>
public interface ICrmAuthorizationCodeGrant<in TCredentials>
{
    /// <summary>What an administrator is told when the exchange returned no refresh token: who did not, and which scope
    /// or setting makes it do so.</summary>
    string NoRefreshTokenMessage { get; }

    /// <summary>The URL to send the administrator's browser to.</summary>
    /// <param name="credentials">The application's credentials and the issuer's endpoints.</param>
    /// <param name="redirectUri">The callback registered with the application.</param>
    /// <param name="state">A value from <see cref="OAuthState.Create"/>, checked again on the callback.</param>
    /// <param name="codeChallenge">The challenge of a verifier: <see cref="Pkce.Challenge"/>.</param>
    Uri BuildAuthorizationUrl(TCredentials credentials, Uri redirectUri, string state, string codeChallenge);

    /// <summary>Redeems the authorization code from the callback (<c>grant_type=authorization_code</c> with the PKCE <c>code_verifier</c>).</summary>
    /// <exception cref="OAuthException">The issuer refused it (a wrong verifier, a used or expired code).</exception>
    Task<CrmAccessToken> ExchangeCodeAsync(TCredentials credentials, string code, Uri redirectUri, string codeVerifier, CancellationToken cancellationToken);

    /// <summary>Who authorized, as the Key icon's status shows it, from the exchange's <paramref name="token"/> and the
    /// <paramref name="credentials"/> it was made with; null when neither names anyone.</summary>
    string? AuthorizedAs(TCredentials credentials, CrmAccessToken token);
}
