using Microsoft.AspNetCore.Http;

namespace ClarityConnect.AdminApi.Website;

/// <summary>
/// The security headers of every page of the site. Scripts and styles come only from the site itself: its one script file
/// (<c>/site.js</c>, the Key icon's pop-up and the copy button) and its style sheet; never inline. <c>base-uri 'self'</c>, not <c>'none'</c>: the pages' links and the style sheet
/// are relative to the document's <c>&lt;base href="/"&gt;</c>, which <c>'none'</c> would drop on every nested page.
/// </summary>
internal static class SecurityHeaders
{
    /// <summary>The Content-Security-Policy of the site's pages.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The policy of the OAuth callback page (and the Key icon's own error page): nothing but the site's script and style
    /// sheet, no connections, no forms, no framing.
    /// </summary>
    public const string AuthorizationResultPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>Sets the headers on <paramref name="response"/> (before it starts), with <paramref name="policy"/> as its Content-Security-Policy.</summary>
    public static void Apply(HttpResponse response, string policy = ContentSecurityPolicy)
    {
        var headers = response.Headers;
        headers.ContentSecurityPolicy = policy;
        headers.XContentTypeOptions = "nosniff";
        // For browsers that predate frame-ancestors.
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers.CacheControl = "no-store";
    }

    /// <summary>
    /// Lets the page play audio from <paramref name="origin"/> (the Session Details page, when the recordings root is an
    /// http(s) URL): adds a <c>media-src</c> of the site and that origin to the policy already set.
    /// </summary>
    public static void AllowMediaFrom(HttpResponse response, Uri origin) =>
        response.Headers.ContentSecurityPolicy = $"{response.Headers.ContentSecurityPolicy}; media-src 'self' {origin.GetLeftPart(UriPartial.Authority)}";
}
