using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Connectors.OAuth;

namespace ClarityConnect.Grains.Crm;

/// <summary>The CRM-specific half of the "Key icon" for either CRM: the authorization-code grant of its OAuth client, started
/// from the application's credentials of its settings. What differs between the CRMs (the endpoints, the scopes, the message
/// when no refresh token comes back, who authorized) is the grant's.</summary>
/// <typeparam name="TSettings">The CRM's settings.</typeparam>
/// <typeparam name="TCredentials">The CRM connector's credentials.</typeparam>
public sealed class CrmAuthorizer<TSettings, TCredentials>(
    ICrmAuthorizationCodeGrant<TCredentials> grant,
    CrmCredentialsSource<TSettings, TCredentials> credentials) : ICrmAuthorizer
    where TSettings : IntegrationSettings, ICrmConnectionSettings
    where TCredentials : class, ICrmCredentials<TCredentials>
{
    /// <inheritdoc />
    public string Integration => credentials.Integration;

    /// <inheritdoc />
    public async Task<Uri> AuthorizationUrlAsync(Uri redirectUri, string state, string codeChallenge) =>
        grant.BuildAuthorizationUrl(await credentials.GetAppCredentialsAsync(), redirectUri, state, codeChallenge);

    /// <inheritdoc />
    /// <exception cref="CrmUnavailableException">The issuer returned no refresh token.</exception>
    public async Task<(string RefreshToken, string? AuthorizedAs)> ExchangeCodeAsync(string code, Uri redirectUri, string codeVerifier, CancellationToken cancellationToken)
    {
        var app = await credentials.GetAppCredentialsAsync();
        var token = await grant.ExchangeCodeAsync(app, code, redirectUri, codeVerifier, cancellationToken);
        return (token.RefreshToken ?? throw new CrmUnavailableException(grant.NoRefreshTokenMessage), grant.AuthorizedAs(app, token));
    }
}
