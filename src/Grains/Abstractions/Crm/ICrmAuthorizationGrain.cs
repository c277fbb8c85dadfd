namespace ClarityConnect.Abstractions.Crm;

/// <summary>
/// The "Key icon": the OAuth 2.0 authorization-code flow with <c>state</c> and PKCE for one CRM (key = <c>salesforce</c>
/// or <c>dynamics</c>). The refresh token it obtains is stored encrypted and never returned.
/// </summary>
public interface ICrmAuthorizationGrain : IGrainWithStringKey
{
    /// <summary>Starts an authorization: returns the URL to open. The state it carries is valid for 10 minutes and for one use.</summary>
    Task<Uri> BeginAsync(Uri redirectUri);

    /// <summary>Completes the authorization the CRM redirected back with; throws <see cref="Sessions.InvalidRequestException"/> for an unknown, used or expired state.</summary>
    Task<AuthorizationStatus> CompleteAsync(string state, string code);

    /// <summary>
    /// Ends the pending authorization of <paramref name="state"/> that the CRM redirected back with an error (the administrator
    /// denied it: <c>error=access_denied</c>) and records <paramref name="reason"/> as the last error, so the configuration page
    /// shows it; a stored authorization stays as it is. Throws <see cref="Sessions.InvalidRequestException"/> for an unknown or
    /// used state, which records nothing (the callback is anonymous: only the browser that started an authorization can end it).
    /// </summary>
    Task<AuthorizationStatus> RefuseAsync(string state, string reason);

    /// <summary>The current authorization status.</summary>
    Task<AuthorizationStatus> GetStatusAsync();

    /// <summary>Records that the CRM refused the stored grant, so the status says an administrator must authorize again.</summary>
    Task MarkNeedsReauthorizationAsync(string reason);
}
