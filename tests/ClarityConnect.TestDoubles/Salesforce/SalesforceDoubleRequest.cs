namespace ClarityConnect.TestDoubles.Salesforce;

/// <summary>One HTTP request the <see cref="SalesforceDouble"/> received, as received.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The URL path, e.g. <c>/services/data/v62.0/query</c>.</param>
/// <param name="Q">The decoded <c>q</c> query parameter (the exact SOQL or SOSL text), or null.</param>
/// <param name="QueryString">The raw query string, including the leading <c>?</c> when present.</param>
/// <param name="ContentType">The request's Content-Type, or null.</param>
/// <param name="Body">The body decoded as UTF-8 (form fields, JSON or multipart text), or null when empty.</param>
/// <param name="BodyBytes">The raw body.</param>
/// <param name="BearerToken">The bearer token sent, or null.</param>
public sealed record SalesforceDoubleRequest(
    string Method,
    string Path,
    string? Q,
    string QueryString,
    string? ContentType,
    string? Body,
    byte[] BodyBytes,
    string? BearerToken)
{
    /// <summary>True for calls to the OAuth token endpoint.</summary>
    public bool IsTokenRequest => Path == "/services/oauth2/token";

    /// <summary>The <c>grant_type</c> of a token request, or null.</summary>
    public string? GrantType => IsTokenRequest && Body is not null
        ? Body.Split('&').Select(p => p.Split('=', 2)).Where(p => p[0] == "grant_type").Select(p => Uri.UnescapeDataString(p.Length > 1 ? p[1] : string.Empty)).FirstOrDefault()
        : null;
}
