using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Logging;
using ClarityConnect.AdminApi.Website;
using ClarityConnect.Observability;
using Orleans.Dashboard;
using Scalar.AspNetCore;

namespace ClarityConnect.AdminApi;

/// <summary>Registers and maps the admin REST API (issue 6).</summary>
public static class AdminApiExtensions
{
    /// <summary>The authorization policy every admin endpoint but the OAuth callback requires.</summary>
    public const string PolicyName = "ClarityConnectAdmin";

    /// <summary>Where the Orleans Dashboard is served.</summary>
    public const string DashboardPath = "/dashboard";

    /// <summary>The tag of the health checks that decide <c>/health/ready</c>; a host adds its own checks with it.</summary>
    public const string ReadinessTag = HealthEndpoints.ReadyTag;

    /// <summary>The OpenAPI document's name: <c>/openapi/admin.json</c>.</summary>
    public const string OpenApiDocumentName = "admin";

    /// <summary>
    /// Adds the admin API's services: options (<see cref="AdminApiOptions.Section"/>), API key authentication, ProblemDetails
    /// for every error of the host (exception handler and status-code pages in front of its pipeline), JSON conventions, and
    /// the admin authentication for the Prometheus endpoint (<see cref="MetricsEndpointAuthorization"/>).
    /// </summary>
    public static IServiceCollection AddAdminApi(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(AdminApiOptions.Section);
        services.AddOptions<AdminApiOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AdminApiOptions>, AdminApiOptionsValidator>());
        services.AddSingleton<ApiKeyStore>();
        services.AddProblemDetails(o => o.CustomizeProblemDetails = AdminProblemDetails.Describe);
        services.AddTransient<IStartupFilter, ProblemDetailsStartupFilter>();
        // The Prometheus endpoint, where the host maps it, takes the same authentication as the admin API.
        services.AddSingleton(new MetricsEndpointAuthorization(PolicyName));
        services.AddOpenApi(OpenApiDocumentName);
        services.Configure<Microsoft.AspNetCore.Http.Json.JsonOptions>(o => AdminJson.Configure(o.SerializerOptions));
        services.AddHealthChecks().AddCheck<ClusterReadinessCheck>("cluster", tags: [HealthEndpoints.ReadyTag]);

        var jwt = section.GetSection("Jwt").Get<JwtSettings>() ?? new JwtSettings();
        var authentication = services.AddAuthentication(AdminSchemes.Selector)
            .AddPolicyScheme(AdminSchemes.Selector, null, o => o.ForwardDefaultSelector = context => AdminSchemes.Select(context, jwt.Enabled))
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        if (jwt.Enabled)
        {
            authentication.AddJwtBearer(AdminSchemes.Bearer, o => AdminSchemes.ConfigureBearer(o, jwt));
        }

        // The administrative website, on every host of the API; its cookie opens the site, the dashboard and the API
        // reference, never /api itself (so no API call can be forged from another site with an administrator's cookie).
        var oidc = section.GetSection("Oidc").Get<OidcSignInSettings>() ?? new OidcSignInSettings();
        services.AddAdminWebsite(authentication, jwt.Enabled);
        if (oidc.Enabled(jwt))
        {
            OidcSignIn.Add(authentication, jwt, oidc);
        }

        services.AddAuthorizationBuilder()
            .AddPolicy(PolicyName, policy => RequireAdmin(policy, AdminSchemes.Selector, jwt))
            .AddPolicy(AdminWebsite.BrowserPolicyName, policy => RequireAdmin(policy, AdminWebsite.BrowserScheme, jwt));
        return services;
    }

    /// <summary>An admin: authenticated by <paramref name="scheme"/>, and holding the required role when it came with a bearer token.</summary>
    private static void RequireAdmin(Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder policy, string scheme, JwtSettings jwt)
    {
        policy.AddAuthenticationSchemes(scheme).RequireAuthenticatedUser();
        if (!string.IsNullOrWhiteSpace(jwt.RequiredRole))
        {
            // API keys are admin keys (a site cookie stands for one); a bearer token must also carry the role.
            policy.RequireAssertion(c => c.User.Identity?.AuthenticationType == ApiKeyAuthenticationHandler.SchemeName || c.User.IsInRole(jwt.RequiredRole));
        }
    }

    /// <summary>
    /// Maps the admin API under <c>/api</c>, the health endpoints, the OpenAPI document and its reference page
    /// (<c>/api/reference</c>), and the administrative website (<see cref="AdminWebsite"/>).
    /// </summary>
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<AdminApiOptions>>().Value;
        var limit = options.MaxRequestBodyBytes;
        var publicReference = options.PublicApiReference;
        var api = endpoints.MapGroup("/api")
            .RequireAuthorization(PolicyName)
            .WithMetadata(new RequestSizeLimitAttribute(limit))
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .AddEndpointFilter(UnexpectedErrorsAsProblems);

        IntegrationEndpoints.Map(api.MapGroup("/integrations").WithTags("Integrations"));
        AuthorizationEndpoints.Map(api.MapGroup("/integrations").WithTags("Authorization"));
        BuilderEndpoints.Map(api.MapGroup("/integrations/{crm}").WithTags("Advanced Lookup builder"));
        NodeLibraryEndpoints.Map(api.MapGroup("/integrations/{crm}").WithTags("Node library"));
        SessionEndpoints.Map(api.MapGroup("/sessions").WithTags("Sessions"));
        AgentEndpoints.Map(api.MapGroup("/agents").WithTags("Agents"));
        ExportEndpoints.Map(api.MapGroup("/exports").WithTags("Exports"));
        HealthEndpoints.Map(endpoints);
        // The Orleans Dashboard: its host must have added it (silo: AddDashboard; client: IClientBuilder.AddDashboard).
        // The dashboard and the API reference are read by people: a signed-in browser's cookie opens them too.
        endpoints.MapOrleansDashboard(DashboardPath).RequireAuthorization(AdminWebsite.BrowserPolicyName);
        var reference = new[]
        {
            endpoints.MapOpenApi(),
            endpoints.MapScalarApiReference("/api/reference", o => o
                .WithTitle("ClarityConnect admin API")
                .WithOpenApiRoutePattern("/openapi/{documentName}.json")
                .AddDocument(OpenApiDocumentName)),
        };
        foreach (var route in reference)
        {
            if (publicReference)
            {
                route.AllowAnonymous();
            }
            else
            {
                route.RequireAuthorization(AdminWebsite.BrowserPolicyName);
            }
        }

        endpoints.MapAdminWebsite();
        return endpoints;
    }

    /// <summary>An unexpected failure becomes a 500 ProblemDetails carrying only the trace id; the details go to the log, never to the client.</summary>
    private static async ValueTask<object?> UnexpectedErrorsAsProblems(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception failure) when (failure is not OperationCanceledException || !context.HttpContext.RequestAborted.IsCancellationRequested)
        {
            var http = context.HttpContext;
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("ClarityConnect.AdminApi")
                .LogError(failure, "Admin API request {Method} {Path} failed ({TraceId})", http.Request.Method, http.Request.Path, http.TraceIdentifier);
            var unavailable = failure is TimeoutException or Orleans.Runtime.SiloUnavailableException or Orleans.Runtime.OrleansMessageRejectionException;
            return TypedResults.Problem(new ProblemDetails
            {
                Status = unavailable ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError,
                Title = unavailable ? "The cluster is not reachable" : "Unexpected error",
                Detail = $"The request failed; the server log has the details under trace id {http.TraceIdentifier}.",
                Extensions = { ["traceId"] = http.TraceIdentifier },
            });
        }
    }

    /// <summary>The admin API's options.</summary>
    internal static AdminApiOptions AdminOptions(this HttpContext context) =>
        context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<AdminApiOptions>>().Value;
}
