using System.Net;
using ClarityConnect.Abstractions.Crm;
using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Abstractions.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ClarityConnect.AdminApi;

/// <summary>The "Key icon": start an OAuth authorization, its callback page, the integration status and the connection test.</summary>
internal static class AuthorizationEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/{name}/authorize", AuthorizeAsync).WithName("AuthorizeIntegration");
        group.MapGet("/{name}/callback", CallbackAsync).WithName("AuthorizationCallback").AllowAnonymous().ExcludeFromDescription();
        group.MapGet("/{name}/status", StatusAsync).WithName("IntegrationStatus");
        group.MapPost("/{name}/test", TestAsync).WithName("TestIntegrationConnection");
    }

    /// <summary>"Test connection": the CRM's authorization and an API call, or CSI's HTTP endpoint and FTP server, step by step.</summary>
    private static async Task<Results<Ok<ConnectionTestReport>, ProblemHttpResult>> TestAsync(string name, IGrainFactory grains) =>
        IsCrm(name) || name == IntegrationNames.Csi
            ? TypedResults.Ok(await grains.GetGrain<IConnectionTestGrain>(0).TestAsync(name))
            : Problems.NotFound("name", $"'{name}' has no connection test; the integrations are {IntegrationNames.Salesforce}, {IntegrationNames.Dynamics} and {IntegrationNames.Csi}.");

    /// <summary>Whether <paramref name="name"/> is a CRM with an OAuth authorization.</summary>
    public static bool IsCrm(string name) => name is IntegrationNames.Salesforce or IntegrationNames.Dynamics;

    private static async Task<Results<Ok<AuthorizeResponse>, ProblemHttpResult>> AuthorizeAsync(string name, IGrainFactory grains, HttpContext context)
    {
        if (!IsCrm(name))
        {
            return Problems.NotFound("name", $"'{name}' has no OAuth authorization; only {IntegrationNames.Salesforce} and {IntegrationNames.Dynamics} do.");
        }

        var (redirect, missing) = await CallbackUriAsync(context, grains, name);
        if (redirect is null)
        {
            return missing!;
        }

        try
        {
            var url = await grains.GetGrain<ICrmAuthorizationGrain>(name).BeginAsync(redirect);
            return TypedResults.Ok(new AuthorizeResponse(url.AbsoluteUri, redirect.AbsoluteUri));
        }
        catch (InvalidRequestException invalid)
        {
            return Problems.Validation(invalid.Field, invalid.Problem);
        }
    }

    private static async Task<ContentHttpResult> CallbackAsync(
        string name, string? code, string? state, string? error, string? error_description, IGrainFactory grains)
    {
        if (!IsCrm(name))
        {
            return Page(StatusCodes.Status404NotFound, "Authorization failed", $"'{name}' has no OAuth authorization.");
        }

        var title = name == IntegrationNames.Salesforce ? "Salesforce" : "Microsoft Dynamics";
        if (!string.IsNullOrEmpty(error))
        {
            return Page(StatusCodes.Status400BadRequest, $"{title} authorization failed",
                $"{title} refused the authorization: {error}{(string.IsNullOrEmpty(error_description) ? "" : " – " + error_description)}. Nothing was changed; click the Key icon to try again.");
        }

        if (string.IsNullOrEmpty(state) || string.IsNullOrEmpty(code))
        {
            return Page(StatusCodes.Status400BadRequest, $"{title} authorization failed",
                $"The callback is missing its {(string.IsNullOrEmpty(state) ? "state" : "code")}. Click the Key icon to start again.");
        }

        try
        {
            var status = await grains.GetGrain<ICrmAuthorizationGrain>(name).CompleteAsync(state, code);
            return status.Authorized
                ? Page(StatusCodes.Status200OK, $"{title} authorized",
                    $"ClarityConnect is authorized{(string.IsNullOrEmpty(status.AuthorizedAs) ? "" : " as " + status.AuthorizedAs)}. You can close this window.")
                : Page(StatusCodes.Status400BadRequest, $"{title} authorization failed",
                    $"The authorization did not complete: {status.LastError ?? "unknown reason"}. Click the Key icon to try again.");
        }
        catch (InvalidRequestException invalid)
        {
            return Page(StatusCodes.Status400BadRequest, $"{title} authorization failed",
                $"{invalid.Field}: {invalid.Problem}. Click the Key icon to start again.");
        }
    }

    private static async Task<Results<Ok<IntegrationStatusResponse>, ProblemHttpResult>> StatusAsync(string name, IGrainFactory grains)
    {
        if (!IntegrationEndpoints.IsKnown(name))
        {
            return IntegrationEndpoints.UnknownIntegration(name);
        }

        var view = await grains.GetGrain<IIntegrationConfigGrain>(name).GetAsync();
        var enabled = view.Settings switch
        {
            SalesforceSettings s => s.Enabled,
            DynamicsSettings d => d.Enabled,
            CsiSettings c => c.Enabled,
            _ => (bool?)null,
        };
        var authorization = IsCrm(name) ? await grains.GetGrain<ICrmAuthorizationGrain>(name).GetStatusAsync() : null;
        return TypedResults.Ok(new IntegrationStatusResponse(name, enabled, view.Version, view.UpdatedAt, authorization));
    }

    /// <summary>
    /// The redirect URI the CRM sends the administrator back to: <c>{base}/api/integrations/{name}/callback</c> on
    /// <see cref="AdminApiOptions.PublicBaseUrl"/> when the host sets one, else on the platform setting
    /// <c>adminWebsiteBaseUrl</c>. Never the request's <c>Host</c> header: a forged header would otherwise send the
    /// authorization code to another site. Without either, a 409 naming both settings.
    /// </summary>
    private static async Task<(Uri? Redirect, ProblemHttpResult? Missing)> CallbackUriAsync(HttpContext context, IGrainFactory grains, string name)
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

    private static ContentHttpResult Page(int status, string title, string message)
    {
        var html = $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>{WebUtility.HtmlEncode(title)}</title></head>
            <body><h1>{WebUtility.HtmlEncode(title)}</h1><p>{WebUtility.HtmlEncode(message)}</p></body></html>
            """;
        return TypedResults.Content(html, "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);
    }
}

/// <summary>The URL to open to authorize, and the redirect URI it returns to.</summary>
public sealed record AuthorizeResponse(string Url, string RedirectUri);

/// <summary>An integration's status: enabled, settings version, and for a CRM its authorization.</summary>
public sealed record IntegrationStatusResponse(string Integration, bool? Enabled, long SettingsVersion, DateTimeOffset? SettingsUpdatedAt, AuthorizationStatus? Authorization);
