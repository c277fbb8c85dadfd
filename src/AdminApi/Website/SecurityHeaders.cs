using Microsoft.AspNetCore.Http;

namespace ClarityConnect.AdminApi.Website;

/// <summary>
/// The security headers of every page of the site. The pages use no script yet, so the policy allows none; styles come
/// only from the site's own style sheet. <c>base-uri 'self'</c>, not <c>'none'</c>: the pages' links and the style sheet
/// are relative to the document's <c>&lt;base href="/"&gt;</c>, which <c>'none'</c> would drop on every nested page.
/// </summary>
internal static class SecurityHeaders
{
    /// <summary>The Content-Security-Policy of the site's pages.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Sets the headers on <paramref name="response"/> (before it starts).</summary>
    public static void Apply(HttpResponse response)
    {
        var headers = response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
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
