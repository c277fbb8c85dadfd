using System.Diagnostics.Metrics;
using ClarityConnect.Connectors.Telemetry;

namespace ClarityConnect.Grains.Telemetry;

/// <summary>
/// The grains' instruments on <see cref="ClarityConnectTelemetry.Meter"/>: node runs, CRM operations, exports and CSI
/// change events. Tags are those of <see cref="TelemetryTags"/>, never an id or caller data.
/// </summary>
public static class IntegrationMetrics
{
    /// <summary>Node runs by integration, node kind and exit: lookups, exits taken and (Match / all Customer Lookups) the match rate.</summary>
    public static readonly Counter<long> NodeRuns = ClarityConnectTelemetry.Meter.CreateCounter<long>(
        "clarityconnect.node.runs", "{run}", "Integration node runs, by integration, node kind and exit taken.");

    /// <summary>How long node runs took, by integration, node kind and exit.</summary>
    public static readonly Histogram<double> NodeDuration = ClarityConnectTelemetry.Meter.CreateHistogram<double>(
        "clarityconnect.node.duration", "s", "How long an integration node took, retries included, by integration, node kind and exit.", tags: null, advice: ClarityConnectTelemetry.DurationAdvice);

    /// <summary>Node runs that took their no-match / no-results exit because of a failure, by integration, node kind and error code.</summary>
    public static readonly Counter<long> NodeFailures = ClarityConnectTelemetry.Meter.CreateCounter<long>(
        "clarityconnect.node.failures", "{run}", "Node runs that fell back to the no-match / no-results exit because the CRM failed, timed out or is disabled.");

    /// <summary>How long CRM operations took, by integration, operation and outcome.</summary>
    public static readonly Histogram<double> CrmDuration = ClarityConnectTelemetry.Meter.CreateHistogram<double>(
        "clarityconnect.crm.duration", "s", "How long a CRM operation (lookup, query, metadata, attachment, note) took, retries included.", tags: null, advice: ClarityConnectTelemetry.DurationAdvice);

    /// <summary>Failed CRM operations, by integration, operation and error code.</summary>
    public static readonly Counter<long> CrmErrors = ClarityConnectTelemetry.Meter.CreateCounter<long>(
        "clarityconnect.crm.errors", "{error}", "Failed CRM operations, by integration, operation and the CRM's error code.");

    /// <summary>Export attempts by target and outcome.</summary>
    public static readonly Counter<long> ExportAttempts = ClarityConnectTelemetry.Meter.CreateCounter<long>(
        "clarityconnect.export.attempts", "{attempt}", "Attempts to deliver a finished session to a target, by target and outcome.");

    /// <summary>How long export attempts took, by target and outcome.</summary>
    public static readonly Histogram<double> ExportDuration = ClarityConnectTelemetry.Meter.CreateHistogram<double>(
        "clarityconnect.export.duration", "s", "How long one export attempt took, by target and outcome.", tags: null, advice: ClarityConnectTelemetry.DurationAdvice);

    /// <summary>Items delivered by exports, by target and item kind.</summary>
    public static readonly Counter<long> ExportItems = ClarityConnectTelemetry.Meter.CreateCounter<long>(
        "clarityconnect.export.items", "{item}", "Recordings, transcripts, notes and manifests delivered, by target and kind.");

    /// <summary>Exports parked as failed after their last attempt, by target and error code.</summary>
    public static readonly Counter<long> ExportsParked = ClarityConnectTelemetry.Meter.CreateCounter<long>(
        "clarityconnect.export.parked", "{export}", "Exports parked as failed after their last attempt (retryable from the admin API), by target.");

    /// <summary>CSI change events waiting in this silo's queue activations.</summary>
    public static readonly UpDownCounter<long> CsiEventsPending = ClarityConnectTelemetry.Meter.CreateUpDownCounter<long>(
        "clarityconnect.csi.events.pending", "{event}", "Change events stored and waiting to be sent to CSI, in the queues active on this silo.");

    /// <summary>CSI change events CSI accepted.</summary>
    public static readonly Counter<long> CsiEventsDelivered = ClarityConnectTelemetry.Meter.CreateCounter<long>(
        "clarityconnect.csi.events.delivered", "{event}", "Change events CSI accepted.");

    /// <summary>CSI change events dropped because the CSI toggle or integration was off.</summary>
    public static readonly Counter<long> CsiEventsDropped = ClarityConnectTelemetry.Meter.CreateCounter<long>(
        "clarityconnect.csi.events.dropped", "{event}", "Change events dropped because sending them to CSI was turned off.");

    /// <summary>Requests carrying change events to CSI, by outcome and error code.</summary>
    public static readonly Counter<long> CsiBatches = ClarityConnectTelemetry.Meter.CreateCounter<long>(
        "clarityconnect.csi.batches", "{request}", "Batches of change events sent to CSI, by outcome.");
}
