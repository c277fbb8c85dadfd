using OpenTelemetry.Exporter;

namespace ClarityConnect.Observability;

/// <summary>
/// Telemetry settings (<c>ClarityConnect:Telemetry</c>). The standard OpenTelemetry environment variables
/// (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>, <c>OTEL_EXPORTER_OTLP_HEADERS</c>,
/// <c>OTEL_SERVICE_NAME</c>, <c>OTEL_RESOURCE_ATTRIBUTES</c>) work as well.
/// </summary>
public sealed class ClarityConnectTelemetryOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "ClarityConnect:Telemetry";

    /// <summary>
    /// The OTLP collector to send traces, metrics and logs to, e.g. <c>http://otel-collector:4317</c>. Unset (and no
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>) means no OTLP export.
    /// </summary>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary>The OTLP protocol for <see cref="OtlpEndpoint"/>: <c>Grpc</c> (default, port 4317) or <c>HttpProtobuf</c> (port 4318).</summary>
    public OtlpExportProtocol OtlpProtocol { get; set; } = OtlpExportProtocol.Grpc;

    /// <summary>Whether finished spans are written to the console; unset means on in the Development environment only.</summary>
    public bool? ConsoleExporter { get; set; }

    /// <summary>Whether the host serves a Prometheus scrape endpoint at <see cref="PrometheusPath"/> (hosts with an HTTP endpoint only); on by default.</summary>
    public bool PrometheusEnabled { get; set; } = true;

    /// <summary>The path of the Prometheus scrape endpoint; <c>/metrics</c> by default.</summary>
    public string PrometheusPath { get; set; } = "/metrics";

    /// <summary>The share of new traces recorded, from 0 to 1 (default 1: all); a call whose caller is traced is always recorded.</summary>
    public double TraceSampleRatio { get; set; } = 1.0;

    /// <summary>The problems of these settings, each naming its setting; empty when they are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (OtlpEndpoint is { } endpoint && (!endpoint.IsAbsoluteUri || endpoint.Scheme is not ("http" or "https")))
        {
            errors.Add($"{Section}:{nameof(OtlpEndpoint)} must be an absolute http or https URL, e.g. http://otel-collector:4317.");
        }

        if (TraceSampleRatio is < 0 or > 1 || double.IsNaN(TraceSampleRatio))
        {
            errors.Add($"{Section}:{nameof(TraceSampleRatio)} must be between 0 and 1.");
        }

        if (!PrometheusPath.StartsWith('/'))
        {
            errors.Add($"{Section}:{nameof(PrometheusPath)} must start with '/'.");
        }

        return errors;
    }
}
