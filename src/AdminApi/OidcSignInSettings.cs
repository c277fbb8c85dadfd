namespace ClarityConnect.AdminApi;

/// <summary>
/// OpenID Connect sign-in to the administrative website, section <c>ClarityConnect:AdminApi:Oidc</c>: the site's client
/// registration at the issuer the API already trusts for bearer tokens (<see cref="JwtSettings.Authority"/>). The
/// authorization code flow with PKCE; the signed-in user needs the API's <see cref="JwtSettings.RequiredRole"/>. Off
/// unless both the authority and <see cref="ClientId"/> are set.
/// </summary>
public sealed class OidcSignInSettings
{
    /// <summary>The site's client id at the issuer (the app registration's application id in Entra ID).</summary>
    public string? ClientId { get; set; }

    /// <summary>The client secret, for a confidential client; a secret: give it by environment. Never logged.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Whether the sign-in page offers OpenID Connect with <paramref name="jwt"/>'s authority.</summary>
    public bool Enabled(JwtSettings jwt) => !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(jwt.Authority);

    /// <summary>What is wrong with the settings beside <paramref name="jwt"/>, naming each setting (never a value); empty when valid.</summary>
    public IEnumerable<string> Problems(JwtSettings jwt)
    {
        const string prefix = AdminApiOptions.Section + ":Oidc:";
        if (!string.IsNullOrWhiteSpace(ClientId))
        {
            if (string.IsNullOrWhiteSpace(jwt.Authority))
            {
                yield return $"{prefix}ClientId needs {AdminApiOptions.Section}:Jwt:Authority, the OpenID Connect issuer to sign in with.";
            }

            if (ClientId.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            {
                yield return $"{prefix}ClientId must not contain spaces or control characters.";
            }
        }
        else if (!string.IsNullOrEmpty(ClientSecret))
        {
            yield return $"{prefix}ClientSecret is set but {prefix}ClientId is not.";
        }

        if (ClientSecret is { } secret && secret.Any(char.IsControl))
        {
            yield return $"{prefix}ClientSecret must not contain control characters.";
        }
    }
}
