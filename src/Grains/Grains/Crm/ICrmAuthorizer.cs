namespace ClarityConnect.Grains.Crm;

/// <summary>The CRM-specific half of the "Key icon" flow; <see cref="CrmAuthorizationGrain"/> holds the rest (state, PKCE, token storage).</summary>
public interface ICrmAuthorizer
{
    /// <summary>The integration.</summary>
    string Integration { get; }

    /// <summary>The authorization URL the administrator opens.</summary>
    Task<Uri> AuthorizationUrlAsync(Uri redirectUri, string state, string codeChallenge);

    /// <summary>Exchanges the code for tokens; returns the refresh token and who authorized.</summary>
    Task<(string RefreshToken, string? AuthorizedAs)> ExchangeCodeAsync(string code, Uri redirectUri, string codeVerifier, CancellationToken cancellationToken);
}
