using System.Net;
using Microsoft.AspNetCore.Http;

namespace ClarityConnect.AdminApi.Website;

/// <summary>
/// The small page that ends a Key icon authorization: the OAuth callback the CRM redirects back to, and the Authorize
/// button's answer when an authorization cannot start. Its script (<c>/site.js</c>) tells the System Configuration page
/// that opened the pop-up and closes the pop-up on success; without a pop-up (Microsoft Dynamics, or no script) it returns
/// to System Configuration, whose status then shows the outcome. A plain page, not a component: the callback is anonymous
/// and outside the site's pages.
/// </summary>
internal static class AuthorizationResultPage
{
    /// <summary>The System Configuration page, relative to the site's root.</summary>
    public const string ConfigurationPage = "maintenance/system-configuration";

    /// <summary>The page for <paramref name="outcome"/> of the integration <paramref name="name"/>, with its security headers.</summary>
    public static IResult Result(HttpContext context, string name, AuthorizationOutcome outcome)
    {
        ApplyHeaders(context.Response);
        return Results.Content(Html(RootOf(context.Request.Path), name, outcome), "text/html; charset=utf-8", System.Text.Encoding.UTF8, outcome.StatusCode);
    }

    /// <summary>
    /// The Authorize button's answer when the authorization started: a page that moves on to the CRM's authorize URL at once.
    /// Not a redirect: the page's CSP allows forms to post to the site only (<c>form-action 'self'</c>), and browsers apply
    /// that to a form post's redirect too; a refresh is a navigation of its own, and needs no script.
    /// </summary>
    public static IResult Redirect(HttpContext context, string name, string url)
    {
        ApplyHeaders(context.Response);
        var title = $"Opening {CrmAuthorizationFlow.DisplayName(name)} sign-in";
        var html = $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>{E(title)}</title>
            <meta http-equiv="refresh" content="0;url={E(url)}">
            <link rel="stylesheet" href="{E(RootOf(context.Request.Path))}site.css"></head>
            <body><main><h1>{E(title)}</h1><p><a href="{E(url)}">Continue to {E(CrmAuthorizationFlow.DisplayName(name))}</a></p></main></body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", System.Text.Encoding.UTF8);
    }

    /// <summary>
    /// The relative way from the page's path up to the site's root (<c>../../../</c> from <c>/api/integrations/x/callback</c>), so
    /// the page's links work under any base URL the administrators reach the site at.
    /// </summary>
    private static string RootOf(PathString path) =>
        string.Concat(Enumerable.Repeat("../", Math.Max(0, (path.Value ?? "/").Count(c => c == '/') - 1)));

    /// <summary>Strict: the pages run only the site's script; the callback's URL carries the authorization code, so no referrer leaves it.</summary>
    private static void ApplyHeaders(HttpResponse response)
    {
        SecurityHeaders.Apply(response, SecurityHeaders.AuthorizationResultPolicy);
        response.Headers["Referrer-Policy"] = "no-referrer";
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Html(string root, string name, AuthorizationOutcome outcome)
    {
        var back = root + ConfigurationPage;
        // Back to System Configuration by itself only when its status shows this outcome; otherwise the reason would be lost.
        var returns = outcome.Recorded;
        var refresh = returns ? $"""<noscript><meta http-equiv="refresh" content="3;url={E(back)}"></noscript>""" : "";
        var dataReturn = returns ? $" data-return=\"{E(back)}\"" : "";
        var closing = outcome.Authorized ? "<p class=\"pop-up-only\">This window closes itself.</p>" : "";
        return $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>{E(outcome.Title)}</title>
            <link rel="stylesheet" href="{E(root)}site.css">{refresh}
            <script src="{E(root)}site.js" defer></script></head>
            <body data-authorization-result="{(outcome.Authorized ? "authorized" : "failed")}" data-integration="{E(name)}"{dataReturn}>
            <main><h1>{E(outcome.Title)}</h1><p role="status">{E(outcome.Message)}</p>{closing}
            <p><a href="{E(back)}">Back to System Configuration</a></p></main></body></html>
            """;
    }
}
