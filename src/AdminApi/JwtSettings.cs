namespace ClarityConnect.AdminApi;

/// <summary>
/// JWT bearer tokens accepted by the admin API, section <c>ClarityConnect:AdminApi:Jwt</c>: from an OpenID Connect
/// issuer (<see cref="Authority"/>, keys discovered from its metadata) or signed with a shared HMAC key
/// (<see cref="SigningKey"/>). Off unless one of them is set.
/// </summary>
public sealed class JwtSettings
{
    /// <summary>The OpenID Connect issuer URL (e.g. <c>https://login.microsoftonline.com/{tenant}/v2.0</c>).</summary>
    public string? Authority { get; set; }

    /// <summary>The issuer a token must name (<c>iss</c>); the authority's when not set.</summary>
    public string? Issuer { get; set; }

    /// <summary>The audience a token must name (<c>aud</c>); required.</summary>
    public string? Audience { get; set; }

    /// <summary>A shared HMAC-SHA256 signing key (base64, at least 32 bytes) instead of an authority. A secret: give it by environment.</summary>
    public string? SigningKey { get; set; }

    /// <summary>A role the token must carry (<c>roles</c> or <c>role</c> claim); any valid token is accepted when not set.</summary>
    public string? RequiredRole { get; set; }

    /// <summary>Whether bearer tokens are accepted at all.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Authority) || !string.IsNullOrWhiteSpace(SigningKey);

    /// <summary>What is wrong with the settings, naming each setting; empty when valid.</summary>
    public IEnumerable<string> Problems()
    {
        if (!Enabled)
        {
            yield break;
        }

        const string prefix = AdminApiOptions.Section + ":Jwt:";
        if (string.IsNullOrWhiteSpace(Audience))
        {
            yield return $"{prefix}Audience is required when bearer tokens are enabled.";
        }

        if (!string.IsNullOrWhiteSpace(SigningKey))
        {
            byte[]? key = null;
            try
            {
                key = Convert.FromBase64String(SigningKey);
            }
            catch (FormatException)
            {
            }

            if (key is null || key.Length < 32)
            {
                yield return $"{prefix}SigningKey must be base64 of at least 32 bytes.";
            }

            if (string.IsNullOrWhiteSpace(Issuer))
            {
                yield return $"{prefix}Issuer is required with a SigningKey.";
            }
        }
        else if (!Uri.TryCreate(Authority, UriKind.Absolute, out var authority) || authority.Scheme != Uri.UriSchemeHttps)
        {
            yield return $"{prefix}Authority must be an absolute https URL.";
        }
    }
}
