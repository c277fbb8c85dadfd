using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ClarityConnect.Connectors.Telemetry;

/// <summary>
/// ClarityConnect's own <see cref="System.Diagnostics.ActivitySource"/> and <see cref="System.Diagnostics.Metrics.Meter"/>,
/// both named <see cref="Name"/>. Spans and instruments carry only low-cardinality, non-personal tags
/// (<see cref="TelemetryTags"/>): never a phone number, caller name, SIP address, record field value, query text or secret.
/// </summary>
public static class ClarityConnectTelemetry
{
    /// <summary>The name of the activity source and of the meter.</summary>
    public const string Name = "ClarityConnect";

    /// <summary>The version reported with the source and the meter.</summary>
    public const string Version = "1.0.0";

    /// <summary>The source of ClarityConnect's spans (node runs, CRM operations, exports, CSI batches, FTP uploads).</summary>
    public static readonly ActivitySource ActivitySource = new(Name, Version);

    /// <summary>The meter of ClarityConnect's instruments; the instruments themselves live next to the code that records them.</summary>
    public static readonly Meter Meter = new(Name, Version);

    /// <summary>Bucket boundaries, in seconds, of the duration histograms: 5 ms to a minute (a node gives up after 20 s).</summary>
    public static readonly InstrumentAdvice<double> DurationAdvice = new()
    {
        HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60],
    };
}
