using ClarityConnect.Abstractions.Crm;
using ClarityConnect.AdminApi.Website.Components.Configuration;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ClarityConnect.AdminApi.Website;

/// <summary>
/// The site's side of the Key icon, behind the site's browser policy (the cookie never opens <c>/api</c>): the Authorize
/// button's form post, which sends the browser (the pop-up, or the page itself) to the CRM's authorize URL; and the
/// authorization status as an HTML fragment, which the site's script swaps into the page when the pop-up reports back.
/// </summary>
internal static class KeyIconEndpoints
{
    /// <summary>Where an integration's Authorize form posts; <c>{0}</c> is the integration.</summary>
    public const string AuthorizePathFormat = "maintenance/integrations/{0}/authorize";

    /// <summary>The integration's authorization status fragment; <c>{0}</c> is the integration.</summary>
    public const string StatusPathFormat = "maintenance/integrations/{0}/authorization-status";

    /// <summary>Maps the Authorize form post and the status fragment.</summary>
    public static void MapKeyIcon(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/" + string.Format(AuthorizePathFormat, "{name}"), AuthorizeAsync)
            .RequireAuthorization(AdminWebsite.BrowserPolicyName).DisableAntiforgery().ExcludeFromDescription();
        endpoints.MapGet("/" + string.Format(StatusPathFormat, "{name}"), StatusAsync)
            .RequireAuthorization(AdminWebsite.BrowserPolicyName).ExcludeFromDescription();
    }

    /// <summary>
    /// Starts the authorization and moves on to the CRM's authorize URL; when it cannot start (no base URL, settings missing), the result
    /// page says why. A form post with the page's antiforgery token only, so another site cannot start one.
    /// </summary>
    private static async Task<IResult> AuthorizeAsync(string name, HttpContext context, IAntiforgery antiforgery, IGrainFactory grains)
    {
        var title = $"{CrmAuthorizationFlow.DisplayName(name)} authorization failed";
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return AuthorizationResultPage.Result(context, name, AuthorizationOutcome.Failed(StatusCodes.Status400BadRequest, title,
                "The form's antiforgery token is missing or not valid; reload System Configuration and click the Key icon again.", recorded: false));
        }

        var (started, problem) = await CrmAuthorizationFlow.BeginAsync(context, grains, name);
        return started is not null
            ? AuthorizationResultPage.Redirect(context, name, started.Url)
            : AuthorizationResultPage.Result(context, name, AuthorizationOutcome.Failed(problem!.StatusCode, title,
                $"The authorization could not start: {problem.ProblemDetails.Detail}", recorded: false));
    }

    /// <summary>The authorization status of a CRM, as the System Configuration page renders it.</summary>
    private static async Task<IResult> StatusAsync(string name, IGrainFactory grains) =>
        CrmAuthorizationFlow.IsCrm(name)
            ? new RazorComponentResult<AuthorizationStatusView>(new { Status = await grains.GetGrain<ICrmAuthorizationGrain>(name).GetStatusAsync() })
            : Results.NotFound();
}
