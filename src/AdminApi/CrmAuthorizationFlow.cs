using ClarityConnect.Abstractions.Crm;
using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Abstractions.Sessions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ClarityConnect.AdminApi;

/// <summary>
/// The rules of the "Key icon" that the admin API (<c>/api/integrations/{name}/authorize</c>, <c>…/callback</c>) and the
/// administrative website (the Authorize buttons of System Configuration) share: which integrations have one, the
/// redirect URI registered with the CRM app, starting an authorization and completing the CRM's redirect back.
/// </summary>
internal static class CrmAuthorizationFlow
{
    /// <summary>Whether <paramref name="name"/> is a CRM with an OAuth authorization.</summary>
    public static bool IsCrm(string name) => name is IntegrationNames.Salesforce or IntegrationNames.Dynamics;

    /// <summary>The CRM's name as the manual writes it: "Salesforce" or "Microsoft Dynamics".</summary>
    public static string DisplayName(string name) => name == IntegrationNames.Salesforce ? "Salesforce" : "Microsoft Dynamics";

    /// <summary>
    /// The redirect URI the CRM sends the administrator back to (the OAuth callback URL to register with the CRM app):
    /// <c>{base}/api/integrations/{name}/callback</c> on <see cref="AdminApiOptions.PublicBaseUrl"/> when the host sets
    /// one, else on the platform setting <c>adminWebsiteBaseUrl</c>. Never the request's <c>Host</c> header: a forged
    /// header would otherwise send the authorization code to another site. Without either, a 409 naming both settings.
    /// </summary>
    public static async Task<(Uri? Redirect, ProblemHttpResult? Missing)> CallbackUriAsync(HttpContext context, IGrainFactory grains, string name)
    {
        var configured = context.AdminOptions().PublicBaseUrl;
        var setting = $"{AdminApiOptions.Section}:{nameof(AdminApiOptions.PublicBaseUrl)}";
        var field = nameof(AdminApiOptions.PublicBaseUrl);
        if (string.IsNullOrWhiteSpace(configured))
        {
            field = nameof(PlatformSettings.AdminWebsiteBaseUrl);
            var platform = (await grains.GetGrain<IIntegrationConfigGrain>(IntegrationNames.Platform).GetAsync()).Settings as PlatformSettings;
            configured = platform?.AdminWebsiteBaseUrl;
            setting = "platform adminWebsiteBaseUrl";
        }

        if (string.IsNullOrWhiteSpace(configured))
        {
            return (null, Problems.Status(
                StatusCodes.Status409Conflict,
                "No public base URL for the OAuth redirect",
                "Set the platform setting adminWebsiteBaseUrl (PUT /api/integrations/platform) to the URL administrators reach this API at, "
                + $"or {AdminApiOptions.Section}:{nameof(AdminApiOptions.PublicBaseUrl)} on the host; the redirect URI is never taken from the request's Host header.",
                "adminWebsiteBaseUrl"));
        }

        if (!Uri.TryCreate(configured.TrimEnd('/') + "/", UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("https" or "http")
            || !string.IsNullOrEmpty(baseUrl.Query) || !string.IsNullOrEmpty(baseUrl.Fragment) || !string.IsNullOrEmpty(baseUrl.UserInfo))
        {
            return (null, Problems.Status(
                StatusCodes.Status409Conflict,
                "The public base URL is not usable for the OAuth redirect",
                $"{setting} must be an absolute http(s) URL without user info, query or fragment, e.g. https://admin.example.com.",
                field));
        }

        return (new Uri(baseUrl, $"api/integrations/{Uri.EscapeDataString(name)}/callback"), null);
    }

    /// <summary>
    /// Starts an authorization of the CRM <paramref name="name"/>: the CRM's authorize URL to open and the redirect URI it
    /// returns to; or the problem (no usable base URL, settings the CRM needs are missing).
    /// </summary>
    public static async Task<(AuthorizeResponse? Started, ProblemHttpResult? Problem)> BeginAsync(HttpContext context, IGrainFactory grains, string name)
    {
        if (!IsCrm(name))
        {
            return (null, Problems.NotFound("name", $"'{name}' has no OAuth authorization; only {IntegrationNames.Salesforce} and {IntegrationNames.Dynamics} do."));
        }

        var (redirect, missing) = await CallbackUriAsync(context, grains, name);
        if (redirect is null)
        {
            return (null, missing);
        }

        try
        {
            var url = await grains.GetGrain<ICrmAuthorizationGrain>(name).BeginAsync(redirect);
            return (new AuthorizeResponse(url.AbsoluteUri, redirect.AbsoluteUri), null);
        }
        catch (InvalidRequestException invalid)
        {
            return (null, Problems.Validation(invalid.Field, invalid.Problem));
        }
    }

    /// <summary>
    /// Completes the CRM's redirect back to the callback: the code is exchanged, or the CRM's refusal (<paramref name="error"/>,
    /// e.g. <c>access_denied</c>) is recorded against its pending state. The outcome is for an administrator, with the CRM's reason.
    /// </summary>
    public static async Task<AuthorizationOutcome> CompleteAsync(
        string name, string? code, string? state, string? error, string? errorDescription, IGrainFactory grains)
    {
        if (!IsCrm(name))
        {
            return AuthorizationOutcome.Failed(StatusCodes.Status404NotFound, "Authorization failed", $"'{name}' has no OAuth authorization.", recorded: false);
        }

        var title = DisplayName(name);
        var grain = grains.GetGrain<ICrmAuthorizationGrain>(name);
        try
        {
            if (!string.IsNullOrEmpty(error))
            {
                var refusal = $"{title} refused the authorization: {error}{(string.IsNullOrEmpty(errorDescription) ? "" : " – " + errorDescription)}.";
                // Recorded only against a pending state: the callback is anonymous, and an unknown state ends nothing.
                var recorded = !string.IsNullOrEmpty(state) && await RefuseAsync(grain, state, refusal);
                return AuthorizationOutcome.Failed(StatusCodes.Status400BadRequest, $"{title} authorization failed",
                    $"{refusal} Nothing was changed; click the Key icon to try again.", recorded);
            }

            if (string.IsNullOrEmpty(state) || string.IsNullOrEmpty(code))
            {
                return AuthorizationOutcome.Failed(StatusCodes.Status400BadRequest, $"{title} authorization failed",
                    $"The callback is missing its {(string.IsNullOrEmpty(state) ? "state" : "code")}. Click the Key icon to start again.", recorded: false);
            }

            var status = await grain.CompleteAsync(state, code);
            // A completion clears the last error; a failed one keeps an earlier authorization, so Authorized alone is not enough.
            return status is { Authorized: true, LastError: null }
                ? new AuthorizationOutcome(StatusCodes.Status200OK, true, $"{title} authorized",
                    $"ClarityConnect is authorized{(string.IsNullOrEmpty(status.AuthorizedAs) ? "" : " as " + status.AuthorizedAs)}.", Recorded: true)
                : AuthorizationOutcome.Failed(StatusCodes.Status400BadRequest, $"{title} authorization failed",
                    $"The authorization did not complete: {status.LastError ?? "unknown reason"}. Click the Key icon to try again.", recorded: true);
        }
        catch (InvalidRequestException invalid)
        {
            // An expired state is recorded by the grain; an unknown one is not.
            var recorded = invalid.Problem.Contains("expired", StringComparison.Ordinal);
            return AuthorizationOutcome.Failed(StatusCodes.Status400BadRequest, $"{title} authorization failed",
                $"{invalid.Field}: {invalid.Problem}. Click the Key icon to start again.", recorded);
        }
    }

    private static async Task<bool> RefuseAsync(ICrmAuthorizationGrain grain, string state, string refusal)
    {
        try
        {
            await grain.RefuseAsync(state, refusal);
            return true;
        }
        catch (InvalidRequestException)
        {
            return false;
        }
    }
}

/// <summary>The outcome of the CRM's redirect back to the callback, for an administrator.</summary>
/// <param name="StatusCode">The HTTP status of the callback page.</param>
/// <param name="Authorized">Whether the CRM is now authorized.</param>
/// <param name="Title">The page's heading, e.g. "Salesforce authorized".</param>
/// <param name="Message">What happened, with the CRM's reason when it refused.</param>
/// <param name="Recorded">Whether the integration's authorization status now shows this outcome (so the configuration page can).</param>
internal sealed record AuthorizationOutcome(int StatusCode, bool Authorized, string Title, string Message, bool Recorded)
{
    /// <summary>A failed authorization.</summary>
    public static AuthorizationOutcome Failed(int statusCode, string title, string message, bool recorded) =>
        new(statusCode, false, title, message, recorded);
}
