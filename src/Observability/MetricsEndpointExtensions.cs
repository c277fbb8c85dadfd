using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ClarityConnect.Observability;

/// <summary>The Prometheus scrape endpoint of a host with HTTP endpoints.</summary>
public static class MetricsEndpointExtensions
{
    /// <summary>
    /// Maps the Prometheus scrape endpoint at <see cref="ClarityConnectTelemetryOptions.PrometheusPath"/> (<c>/metrics</c>)
    /// unless <see cref="ClarityConnectTelemetryOptions.PrometheusEnabled"/> is off, behind the policy of the registered
    /// <see cref="MetricsEndpointAuthorization"/>: on the silo and the admin API that is the admin authentication (an
    /// API key, which Prometheus sends as <c>Authorization: Bearer</c>, or an admin JWT). Metrics carry no personal data
    /// and no secret, but they describe the traffic and the remote systems, so they are not for anyone who reaches the port.
    /// </summary>
    public static IEndpointRouteBuilder MapClarityConnectMetrics(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetService<ClarityConnectTelemetryOptions>()
            ?? throw new InvalidOperationException("Call AddClarityConnectTelemetry on the host builder before MapClarityConnectMetrics.");
        if (!options.PrometheusEnabled)
        {
            return endpoints;
        }

        var authorization = endpoints.ServiceProvider.GetService<MetricsEndpointAuthorization>()
            ?? throw new InvalidOperationException(
                $"The Prometheus endpoint needs an authorization decision: register a {nameof(MetricsEndpointAuthorization)} (AddAdminApi registers the admin "
                + $"authentication), or {nameof(MetricsEndpointAuthorization)}.{nameof(MetricsEndpointAuthorization.Anonymous)} for a host only the monitoring network reaches.");
        var route = endpoints.MapPrometheusScrapingEndpoint(options.PrometheusPath);
        if (authorization.PolicyName is { } policy)
        {
            route.RequireAuthorization(policy);
        }

        return endpoints;
    }
}
