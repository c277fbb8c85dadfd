using System.Diagnostics;
using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Abstractions.Nodes;
using ClarityConnect.Abstractions.Sessions;
using ClarityConnect.Connectors.Telemetry;
using ClarityConnect.Grains.Crm;
using ClarityConnect.Grains.Integrations;
using ClarityConnect.Grains.Telemetry;
using ClarityConnect.Connectors.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ClarityConnect.Grains.Nodes;

/// <summary>
/// Runs a node against its CRM through the shared pipeline, on the CRM's live lane. A disabled integration takes the
/// no-match / no-results exit, as the manual says; so does a lookup that outlives the CRM's
/// <see cref="ICrmAdapter.LookupTimeout"/>. Each run is a span (<c>node CustomerLookup</c> / <c>node AdvancedLookup</c>)
/// and counts in the node metrics.
/// </summary>
public sealed class IntegrationNodeRunner(
    IntegrationSettingsCache settings,
    [FromKeyedServices(HttpLane.Live)] IEnumerable<ICrmAdapter> adapters,
    CustomerLookupRunner customerLookup,
    AdvancedLookupRunner advancedLookup) : INodeRunner
{
    /// <inheritdoc />
    public async Task<NodeOutcome> RunAsync(IntegrationNode node, SessionSnapshot session, CancellationToken cancellationToken)
    {
        var kind = KindOf(node);
        using var activity = ClarityConnectTelemetry.ActivitySource.StartActivity("node " + kind);
        activity?.SetTag(TelemetryTags.Integration, node.Integration);
        activity?.SetTag(TelemetryTags.NodeKind, kind);
        activity?.SetTag(TelemetryTags.NodeId, node.NodeId);
        activity?.SetTag(TelemetryTags.SessionId, session.SessionId);
        var started = Stopwatch.GetTimestamp();
        var outcome = await RunNodeAsync(node, session, remember: true, cancellationToken);
        var tags = new TagList { { TelemetryTags.Integration, node.Integration }, { TelemetryTags.NodeKind, kind }, { TelemetryTags.NodeExit, outcome.Exit.ToString() } };
        activity?.SetTag(TelemetryTags.NodeExit, outcome.Exit.ToString());
        IntegrationMetrics.NodeRuns.Add(1, tags);
        IntegrationMetrics.NodeDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
        return outcome;
    }

    /// <inheritdoc />
    public Task<NodeOutcome> TryAsync(IntegrationNode node, SessionSnapshot session, CancellationToken cancellationToken) =>
        RunNodeAsync(node, session, remember: false, cancellationToken);

    /// <summary>The node's kind as history and telemetry name it: <c>CustomerLookup</c> or <c>AdvancedLookup</c>.</summary>
    public static string KindOf(IntegrationNode node) => node is CustomerLookupNode ? "CustomerLookup" : "AdvancedLookup";

    /// <summary>Records that <paramref name="node"/> fell back to its no-match / no-results exit because of <paramref name="failure"/>, on its span and in <c>clarityconnect.node.failures</c>.</summary>
    public static void RecordFailure(IntegrationNode node, Exception failure) => RecordFailure(node, TelemetryErrors.TypeOf(failure));

    /// <summary>Why a node whose lookup outlived <paramref name="crm"/>'s time budget took its no-match / no-results exit.</summary>
    public static string OutOfTime(ICrmAdapter crm) => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"The {crm.Integration} lookup did not finish within its {crm.LookupTimeout.TotalSeconds:0.###} s budget (LookupTimeout); the call flow moved on.");

    /// <summary>The no-match / no-results outcome of <paramref name="node"/> with <paramref name="reason"/>.</summary>
    public static NodeOutcome NotFound(IntegrationNode node, string reason) => new()
    {
        Exit = node is AdvancedLookupNode ? NodeExit.NoResults : NodeExit.NoMatch,
        Reason = reason,
    };

    // remember: whether a Customer Lookup match is kept for later callers (false for "Try node", which leaves no trace).
    private async Task<NodeOutcome> RunNodeAsync(IntegrationNode node, SessionSnapshot session, bool remember, CancellationToken cancellationToken)
    {
        var enabled = await settings.GetAsync<IntegrationSettings>(node.Integration) switch
        {
            SalesforceSettings salesforce => salesforce.Enabled,
            DynamicsSettings dynamics => dynamics.Enabled,
            _ => false,
        };
        if (!enabled)
        {
            RecordFailure(node, "integration_disabled");
            return NotFound(node, $"The {node.Integration} integration is disabled.");
        }

        if (adapters.FirstOrDefault(a => a.Integration == node.Integration) is not { } crm)
        {
            RecordFailure(node, "connector_missing");
            return NotFound(node, $"No {node.Integration} connector is installed on this silo.");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(crm.LookupTimeout);
        var outcome = node switch
        {
            CustomerLookupNode lookup => customerLookup.RunAsync(crm, lookup, session, remember, timeout.Token),
            AdvancedLookupNode advanced => advancedLookup.RunAsync(crm, advanced, session, timeout.Token),
            _ => throw new InvalidRequestException("node", $"unknown node type {node.GetType().Name}"),
        };
        return await outcome;
    }

    private static void RecordFailure(IntegrationNode node, string code)
    {
        // The runners catch the failure inside the node's span, so Activity.Current is that span here.
        Activity.Current?.SetTag(TelemetryTags.ErrorType, code);
        Activity.Current?.SetStatus(ActivityStatusCode.Error, code);
        IntegrationMetrics.NodeFailures.Add(1, new TagList
        {
            { TelemetryTags.Integration, node.Integration },
            { TelemetryTags.NodeKind, KindOf(node) },
            { TelemetryTags.ErrorType, code },
        });
    }
}
