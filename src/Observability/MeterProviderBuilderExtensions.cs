using ClarityConnect.Connectors.Telemetry;
using OpenTelemetry.Metrics;

namespace ClarityConnect.Observability;

/// <summary>What ClarityConnect measures, for every host and for tests.</summary>
public static class MeterProviderBuilderExtensions
{
    /// <summary>Orleans' meter (grain calls, activations, messaging, storage, streams, reminders).</summary>
    public const string OrleansMeterName = "Microsoft.Orleans";

    /// <summary>.NET's own runtime meter (GC, thread pool, exceptions).</summary>
    public const string RuntimeMeterName = "System.Runtime";

    /// <summary>Adds the meters <c>ClarityConnect</c>, <c>Microsoft.Orleans</c> and <c>System.Runtime</c>, and the ASP.NET Core and HttpClient metrics.</summary>
    public static MeterProviderBuilder AddClarityConnectInstrumentation(this MeterProviderBuilder metrics) => metrics
        .AddMeter(ClarityConnectTelemetry.Name, OrleansMeterName, RuntimeMeterName)
        .AddAspNetCoreInstrumentation()
        .AddHttpClientInstrumentation();
}
