using System.Security.Claims;
using ClarityConnect.AdminApi.Website.Components;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ClarityConnect.AdminApi.Website;

/// <summary>
/// The administrative website (issue 14): Blazor static server-side rendering (no circuit, no WebAssembly) on the same
/// host and origin as <c>/api</c>, signed in with an admin API key that becomes an HttpOnly, SameSite=Strict cookie.
/// Registered by <see cref="AdminApiExtensions.AddAdminApi"/> and mapped by <see cref="AdminApiExtensions.MapAdminApi"/>,
/// so every host of the admin API (the silo, the standalone host) serves it.
/// </summary>
public static class AdminWebsite
{
    /// <summary>The cookie authentication scheme of the site.</summary>
    public const string CookieScheme = "AdminSite";

    /// <summary>
    /// The scheme of what a browser may open (the site, <c>/dashboard/</c>, <c>/api/reference</c>): a request carrying an
    /// API key or a bearer token is checked as the API checks it; any other by the site's cookie, and challenged with a
    /// redirect to the sign-in page.
    /// </summary>
    public const string BrowserScheme = "AdminBrowser";

    /// <summary>The name of the sign-in cookie.</summary>
    public const string CookieName = "ClarityConnect.Admin";

    /// <summary>The authorization policy of the site's pages and the browser-facing admin pages.</summary>
    public const string BrowserPolicyName = "ClarityConnectAdminBrowser";

    /// <summary>The sign-in page.</summary>
    public const string SignInPath = "/signin";

    /// <summary>Where the sign-out form posts.</summary>
    public const string SignOutPath = "/signout";

    /// <summary>The query parameter carrying the page to return to after sign-in.</summary>
    public const string ReturnUrlParameter = "returnUrl";

    /// <summary>The path of the site's style sheet.</summary>
    public const string StyleSheetPath = "/site.css";

    /// <summary>The path of the site's only script (the Key icon's pop-up, the copy button, the OAuth callback page).</summary>
    public const string ScriptPath = "/site.js";

    /// <summary>How long a signed-in browser stays signed in without a request (sliding).</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromHours(1);

    /// <summary>Adds the site's components, its cookie and browser schemes to <paramref name="authentication"/>.</summary>
    internal static void AddAdminWebsite(this IServiceCollection services, AuthenticationBuilder authentication, bool bearerEnabled)
    {
        services.AddRazorComponents();
        services.AddCascadingAuthenticationState();
        authentication
            .AddCookie(CookieScheme, o =>
            {
                o.Cookie.Name = CookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                // Secure whenever the site is reached over HTTPS (directly or through a proxy that says so).
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = IdleTimeout;
                o.SlidingExpiration = true;
                o.LoginPath = SignInPath;
                o.LogoutPath = SignOutPath;
                o.ReturnUrlParameter = ReturnUrlParameter;
            })
            .AddPolicyScheme(BrowserScheme, null, o => o.ForwardDefaultSelector = context => SelectBrowserScheme(context, bearerEnabled));
    }

    /// <summary>
    /// The scheme for a request to a browser-facing page: one with a key or a token is checked as the API checks it; one
    /// with the site's cookie, or a browser's navigation (it accepts HTML), by the cookie, so a signed-out browser is sent to
    /// sign in; any other (a tool reading <c>/openapi/admin.json</c>) is answered as the API answers, with a 401 ProblemDetails.
    /// </summary>
    private static string SelectBrowserScheme(HttpContext context, bool bearerEnabled)
    {
        var request = context.Request;
        if (request.Headers.ContainsKey(ApiKeyStore.HeaderName) || request.Headers.ContainsKey("Authorization"))
        {
            return AdminSchemes.Select(context, bearerEnabled);
        }

        var browser = request.Cookies.ContainsKey(CookieName) || IsBrowserNavigation(request);
        return browser ? CookieScheme : ApiKeyAuthenticationHandler.SchemeName;
    }

    /// <summary>Whether <paramref name="request"/> is a browser's navigation: it accepts HTML.</summary>
    internal static bool IsBrowserNavigation(HttpRequest request) =>
        request.Headers.Accept.Any(a => a?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true);

    /// <summary>Maps the site's pages, its style sheet and the sign-out endpoint.</summary>
    internal static void MapAdminWebsite(this IEndpointRouteBuilder endpoints)
    {
        // The site's forms need the antiforgery middleware, which the web application does not add by itself. Added
        // here, so the hosts that map the admin API need no step of their own; the application adds it after its
        // authentication and authorization, as it must be.
        var application = endpoints as IApplicationBuilder
            ?? throw new InvalidOperationException("The admin API and its website must be mapped on the WebApplication itself (app.MapAdminApi()), which adds the antiforgery middleware.");
        application.UseAntiforgery();
        endpoints.MapRazorComponents<App>().RequireAuthorization(BrowserPolicyName);
        endpoints.MapGet(StyleSheetPath, () => EmbeddedFile("site.css", "text/css; charset=utf-8")).AllowAnonymous().ExcludeFromDescription();
        endpoints.MapGet(ScriptPath, () => EmbeddedFile("site.js", "text/javascript; charset=utf-8")).AllowAnonymous().ExcludeFromDescription();
        endpoints.MapKeyIcon();
        endpoints.MapRecordings();
        // Behind the site's policy: the antiforgery token was issued to the signed-in administrator, so the request's
        // user must be the cookie's for the token to match (a signed-out browser is simply sent to sign in).
        endpoints.MapPost(SignOutPath, SignOutAsync).RequireAuthorization(BrowserPolicyName).ExcludeFromDescription();
        OidcSignIn.Map(endpoints);
        SitePageNotFound.Map(endpoints);
    }

    /// <summary>
    /// The last line of a host's start-up output: where to open the site and how to sign in. A wildcard listen address
    /// (<c>0.0.0.0</c>, <c>[::]</c>, <c>+</c>, <c>*</c>) is shown as <c>localhost</c>, the address a browser on the machine opens.
    /// </summary>
    public static string StartupHint(IEnumerable<string> listenAddresses)
    {
        var urls = listenAddresses
            .Select(a => System.Text.RegularExpressions.Regex.Replace(a, @"://(0\.0\.0\.0|\[::\]|\+|\*)(?=[:/]|$)", "://localhost").TrimEnd('/') + "/")
            .ToList();
        return urls.Count == 0
            ? "Administrative website: not listening on HTTP."
            : $"Administrative website: open {string.Join(" or ", urls)} in a browser and sign in with an admin API key "
              + "(the key printed at the first start, or one whose SHA-256 hash is in ClarityConnect:AdminApi:ApiKeyHashes).";
    }

    /// <summary>The identity of a browser signed in with an admin API key: an API key holder, as the API sees one.</summary>
    internal static ClaimsPrincipal ApiKeyHolder() =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, "admin-api-key")], ApiKeyAuthenticationHandler.SchemeName));

    /// <summary>A file of the site embedded in the assembly (the style sheet, the script).</summary>
    private static IResult EmbeddedFile(string name, string contentType)
    {
        var file = typeof(AdminWebsite).Assembly.GetManifestResourceStream("ClarityConnect.AdminApi.Website." + name)
            ?? throw new InvalidOperationException($"The site's {name} is not embedded in the admin API assembly.");
        return Results.Stream(file, contentType);
    }

    /// <summary>Ends the cookie session. A form post only, with a valid antiforgery token, so another site cannot sign an administrator out.</summary>
    private static async Task<IResult> SignOutAsync(HttpContext context, IAntiforgery antiforgery)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request",
                detail: "The sign-out form's antiforgery token is missing or not valid; reload the page and sign out again.");
        }

        await context.SignOutAsync(CookieScheme);
        return Results.Redirect(SignInPath);
    }
}
