namespace ClarityConnect.AdminApi;

/// <summary>The admin API's settings, section <c>ClarityConnect:AdminApi</c>.</summary>
public sealed class AdminApiOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "ClarityConnect:AdminApi";

    /// <summary>SHA-256 hashes (hex) of the accepted admin API keys.</summary>
    public List<string> ApiKeyHashes { get; set; } = [];

    /// <summary>A file of accepted key hashes, one hex SHA-256 per line (<c>#</c> starts a comment); re-read when it changes.</summary>
    public string? ApiKeyFile { get; set; }

    /// <summary>The public base URL of this API (e.g. <c>https://admin.example.com</c>), used for the OAuth redirect URI; the
    /// platform setting <c>adminWebsiteBaseUrl</c> when not set (never the request's <c>Host</c> header).</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>JWT bearer tokens accepted besides API keys.</summary>
    public JwtSettings Jwt { get; set; } = new();

    /// <summary>OpenID Connect sign-in to the administrative website, against <see cref="JwtSettings.Authority"/>.</summary>
    public OidcSignInSettings Oidc { get; set; } = new();

    /// <summary>Serve the OpenAPI document and the reference page without authentication (they describe the API, hold no data).</summary>
    public bool PublicApiReference { get; set; }

    /// <summary>The largest request body accepted, in bytes.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;
}
