using ClarityConnect.AdminApi.Website.Components;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ClarityConnect.AdminApi.Website;

/// <summary>
/// The answer to a path no endpoint serves, outside <c>/api</c>: a signed-in browser gets the site's "Page not found"
/// page (status 404, within the layout, a link home); a signed-out browser is sent to sign in first (the site's map is
/// not shown to strangers); anything else, and every unknown <c>/api</c> path, keeps the host's 404 ProblemDetails.
/// </summary>
internal static class SitePageNotFound
{
    /// <summary>Maps the fallback (lowest order: every mapped endpoint wins); anonymous, since it decides by the cookie itself.</summary>
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapFallback("{*path}", (Delegate)AnswerAsync).AllowAnonymous().ExcludeFromDescription();

    private static async Task<IResult> AnswerAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments("/api") || (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method)))
        {
            // The API's unknown paths, and an unknown form target: the host's 404 ProblemDetails (status-code pages).
            return Results.NotFound();
        }

        if ((await context.AuthenticateAsync(AdminWebsite.CookieScheme)).Succeeded)
        {
            // The document as every page renders it; its router finds no page for the path and renders NotFound.
            return new RazorComponentResult<App> { StatusCode = StatusCodes.Status404NotFound };
        }

        return AdminWebsite.IsBrowserNavigation(request)
            ? Results.Challenge(authenticationSchemes: [AdminWebsite.CookieScheme])
            : Results.NotFound();
    }
}
