using ClarityConnect.Connectors.Telemetry;
using OpenTelemetry.Trace;
using Orleans.Diagnostics;

namespace ClarityConnect.Observability;

/// <summary>What ClarityConnect traces, for every host and for tests.</summary>
public static class TracerProviderBuilderExtensions
{
    /// <summary>
    /// Adds the <see cref="TelemetryRedactionProcessor"/> (first, so exporters added later only see redacted spans) and
    /// the sources: <c>ClarityConnect</c>, Orleans' <c>Microsoft.Orleans.Application</c> (grain calls),
    /// <c>Microsoft.Orleans.Runtime</c> (runtime calls such as stream deliveries), <c>Microsoft.Orleans.Storage</c> and
    /// <c>Microsoft.Orleans.Lifecycle</c>, ASP.NET Core requests (without the health and metrics endpoints) and
    /// HttpClient requests.
    /// </summary>
    public static TracerProviderBuilder AddClarityConnectInstrumentation(this TracerProviderBuilder tracing) => tracing
        .AddProcessor(new TelemetryRedactionProcessor())
        .AddSource(
            ClarityConnectTelemetry.Name,
            ActivitySources.ApplicationGrainActivitySourceName,
            ActivitySources.RuntimeActivitySourceName,
            ActivitySources.StorageActivitySourceName,
            ActivitySources.LifecycleActivitySourceName)
        .AddAspNetCoreInstrumentation(o => o.Filter = context =>
            !context.Request.Path.StartsWithSegments("/health") && !context.Request.Path.StartsWithSegments("/metrics"))
        .AddHttpClientInstrumentation();
}
