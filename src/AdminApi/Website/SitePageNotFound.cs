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
/// not shown to strangers); anything else, every other method and every unknown <c>/api</c> path keep the host's 404
/// ProblemDetails.
/// </summary>
internal static class SitePageNotFound
{
    /// <summary>
    /// The route: GET and HEAD of any path outside <c>/api</c>, at the lowest order (as a fallback), so every mapped
    /// endpoint wins, and a wrong method or content type on a real route still gets its 405 or 415.
    /// </summary>
    public const string Pattern = "{*path:regex(^(?!api(/|$)))}";

    /// <summary>Maps the route; anonymous, since it decides by the cookie itself.</summary>
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var route = endpoints.MapMethods(Pattern, [HttpMethods.Get, HttpMethods.Head], (Delegate)AnswerAsync)
            .AllowAnonymous().ExcludeFromDescription();
        route.Add(endpoint => ((RouteEndpointBuilder)endpoint).Order = int.MaxValue);
    }

    private static async Task<IResult> AnswerAsync(HttpContext context)
    {
        if ((await context.AuthenticateAsync(AdminWebsite.CookieScheme)).Succeeded)
        {
            // The document as every page renders it; its router finds no page for the path and renders NotFound.
            return new RazorComponentResult<App> { StatusCode = StatusCodes.Status404NotFound };
        }

        return AdminWebsite.IsBrowserNavigation(context.Request)
            ? Results.Challenge(authenticationSchemes: [AdminWebsite.CookieScheme])
            : Results.NotFound();
    }
}
