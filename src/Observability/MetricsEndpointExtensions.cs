using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ClarityConnect.Observability;

/// <summary>The Prometheus scrape endpoint of a host with HTTP endpoints.</summary>
public static class MetricsEndpointExtensions
{
    /// <summary>
    /// Maps the Prometheus scrape endpoint at <see cref="ClarityConnectTelemetryOptions.PrometheusPath"/> (<c>/metrics</c>)
    /// unless <see cref="ClarityConnectTelemetryOptions.PrometheusEnabled"/> is off. Metrics carry no personal data and
    /// no secret, so the endpoint needs no authentication, as Prometheus expects; bind it to an address only the
    /// monitoring network reaches.
    /// </summary>
    public static IEndpointRouteBuilder MapClarityConnectMetrics(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetService<ClarityConnectTelemetryOptions>()
            ?? throw new InvalidOperationException("Call AddClarityConnectTelemetry on the host builder before MapClarityConnectMetrics.");
        if (options.PrometheusEnabled)
        {
            endpoints.MapPrometheusScrapingEndpoint(options.PrometheusPath);
        }

        return endpoints;
    }
}
