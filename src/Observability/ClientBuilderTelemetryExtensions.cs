using Orleans.Hosting;

namespace ClarityConnect.Observability;

/// <summary>Telemetry of an Orleans client (the telephony simulator, the standalone admin API, tests).</summary>
public static class ClientBuilderTelemetryExtensions
{
    /// <summary>
    /// Propagates the trace context with every grain call (Orleans' <c>AddActivityPropagation</c>), so a silo's spans
    /// continue the client's trace. Spans are only made while a tracer listens (see
    /// <see cref="TelemetryHostApplicationBuilderExtensions.AddClarityConnectTelemetry"/>).
    /// </summary>
    public static IClientBuilder AddClarityConnectTelemetry(this IClientBuilder client) => client.AddActivityPropagation();
}
