using ClarityConnect.Abstractions.Crm;
using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.AdminApi.Website;
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
        HasConnectionTest(name)
            ? TypedResults.Ok(await grains.GetGrain<IConnectionTestGrain>(0).TestAsync(name))
            : Problems.NotFound("name", $"'{name}' has no connection test; the integrations are {IntegrationNames.Salesforce}, {IntegrationNames.Dynamics} and {IntegrationNames.Csi}.");

    /// <summary>Whether <paramref name="name"/> has a "Test connection": the CRMs and CSI World.</summary>
    public static bool HasConnectionTest(string name) => CrmAuthorizationFlow.IsCrm(name) || name == IntegrationNames.Csi;

    private static async Task<Results<Ok<AuthorizeResponse>, ProblemHttpResult>> AuthorizeAsync(string name, IGrainFactory grains, HttpContext context)
    {
        var (started, problem) = await CrmAuthorizationFlow.BeginAsync(context, grains, name);
        return started is null ? problem! : TypedResults.Ok(started);
    }

    /// <summary>
    /// The page the CRM redirects the administrator's browser back to (in the Key icon's pop-up, or in the page itself): it
    /// completes the authorization and says how it went, with the CRM's reason when it refused.
    /// </summary>
    private static async Task<IResult> CallbackAsync(
        string name, string? code, string? state, string? error, string? error_description, IGrainFactory grains, HttpContext context)
    {
        var outcome = await CrmAuthorizationFlow.CompleteAsync(name, code, state, error, error_description, grains);
        return AuthorizationResultPage.Result(context, name, outcome);
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
        var authorization = CrmAuthorizationFlow.IsCrm(name) ? await grains.GetGrain<ICrmAuthorizationGrain>(name).GetStatusAsync() : null;
        return TypedResults.Ok(new IntegrationStatusResponse(name, enabled, view.Version, view.UpdatedAt, authorization));
    }
}

/// <summary>The URL to open to authorize, and the redirect URI it returns to.</summary>
public sealed record AuthorizeResponse(string Url, string RedirectUri);

/// <summary>An integration's status: enabled, settings version, and for a CRM its authorization.</summary>
public sealed record IntegrationStatusResponse(string Integration, bool? Enabled, long SettingsVersion, DateTimeOffset? SettingsUpdatedAt, AuthorizationStatus? Authorization);
