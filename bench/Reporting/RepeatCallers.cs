using ClarityConnect.Simulator.Reporting;

namespace ClarityConnect.Bench.Reporting;

/// <summary>Customer Lookup latency for repeat callers: a fresh lookup, a reused earlier-session record, and the CRM double's own answer.</summary>
public sealed record RepeatCallers
{
    /// <summary>Lookups in flight.</summary>
    public int Concurrency { get; init; }
    /// <summary>Callers, each calling twice.</summary>
    public int Callers { get; init; }
    /// <summary><c>RunNodeAsync</c> with fresh lookup on: the Salesforce double is asked (ms).</summary>
    public required OperationLatency FreshLookup { get; init; }
    /// <summary><c>RunNodeAsync</c> with fresh lookup off for a caller seen before: the earlier record is reused, no CRM call (ms).</summary>
    public required OperationLatency ReusedLookup { get; init; }
    /// <summary>The same SOSL search sent straight to the Salesforce double with a plain HttpClient (ms).</summary>
    public required OperationLatency CrmDoubleAnswer { get; init; }
    /// <summary>Fresh lookup p99 minus the double's own answer p99 (ms): what the lookup adds.</summary>
    public double LookupAddsP99Ms { get; init; }
    /// <summary>What the fresh lookups cost the process (per lookup), and the GC pauses they met.</summary>
    public required ProcessCost FreshLookupProcess { get; init; }
    /// <summary>What the reused lookups cost the process (per lookup), and the GC pauses they met.</summary>
    public required ProcessCost ReusedLookupProcess { get; init; }
}
