using ClarityConnect.Simulator.Reporting;

namespace ClarityConnect.Bench.Reporting;

/// <summary>The figures of one life-cycle run (closed loop at a concurrency, or paced at a rate).</summary>
public sealed record LifecycleRun
{
    /// <summary><c>closed</c> (a fixed number of life cycles in flight) or <c>paced</c> (started at a fixed rate).</summary>
    public required string Mode { get; init; }
    /// <summary>Life cycles in flight (closed loop).</summary>
    public int? Concurrency { get; init; }
    /// <summary>Life cycles started per second (paced).</summary>
    public double? TargetRate { get; init; }
    /// <summary>Seconds from the first start to the last Complete.</summary>
    public double Seconds { get; init; }
    /// <summary>Life cycles completed.</summary>
    public long Lifecycles { get; init; }
    /// <summary>Life cycles that failed, and the first reason.</summary>
    public long Failures { get; init; }
    /// <summary>The first failure's message.</summary>
    public string? FirstFailure { get; init; }
    /// <summary>Completed life cycles per second.</summary>
    public double LifecyclesPerS { get; init; }
    /// <summary>Latency of every operation (ms).</summary>
    public required IReadOnlyList<OperationLatency> Operations { get; init; }
    /// <summary>Grain calls per second the client made (the path of the grain-call ceiling).</summary>
    public double LifecycleGrainCallsPerS { get; init; }
    /// <summary>Grain calls per second the silo handled, grain-to-grain calls included.</summary>
    public double SiloGrainCallsPerS { get; init; }
    /// <summary>Silo grain calls per life cycle, counted as the durable writes are: from the run's start until its events and exports were delivered.</summary>
    public double SiloGrainCallsPerLifecycle { get; init; }
    /// <summary>Those calls by <c>interface.method</c> (stream deliveries and pub-sub lookups included), most first.</summary>
    public required IReadOnlyDictionary<string, double> SiloGrainCallsPerLifecycleByMethod { get; init; }
    /// <summary>Durable writes (state and reminders) per second during the run.</summary>
    public double LifecycleStorageWritesPerS { get; init; }
    /// <summary>Durable writes per life cycle, counted from the run's start until its events and exports were delivered.</summary>
    public double DurableWritesPerLifecycle { get; init; }
    /// <summary>Those writes by what was written (grain state name, or <c>reminders/{grain type}</c>).</summary>
    public required IReadOnlyDictionary<string, double> WritesPerLifecycleByKind { get; init; }
    /// <summary>Writes each life cycle still causes after the reminder retention (its session's reminder removed, its outbox trimmed), not in the count above.</summary>
    public double DeferredWritesPerLifecycle { get; init; }
    /// <summary>Change events expected at the CSI double (ten per life cycle).</summary>
    public long CsiEventsExpected { get; init; }
    /// <summary>Change events the CSI double accepted.</summary>
    public long CsiEventsDelivered { get; init; }
    /// <summary>Change events per second during the run.</summary>
    public double CsiEventsPerS { get; init; }
    /// <summary>HTTP requests the CSI double received.</summary>
    public long CsiRequests { get; init; }
    /// <summary>Events per request (batching).</summary>
    public double CsiEventsPerRequest { get; init; }
    /// <summary>Requests per event.</summary>
    public double CsiRequestsPerEvent { get; init; }
    /// <summary>End-to-end delay of each event: its arrival at the CSI double minus the time of the change (ms).</summary>
    public required OperationLatency CsiEventDelay { get; init; }
    /// <summary>Exports sampled, and how many of them were done.</summary>
    public int ExportsSampled { get; init; }
    /// <summary>Sampled exports that were done.</summary>
    public int ExportsDone { get; init; }
    /// <summary>From Complete returning to the export being done (note created in the Salesforce double), ms.</summary>
    public required OperationLatency ExportDelay { get; init; }
    /// <summary>Seconds it took after the run until the events and sampled exports were delivered.</summary>
    public double DrainSeconds { get; init; }
    /// <summary>What the run cost the process: cores and GC pauses during the run, CPU and allocation per life cycle with the drain.</summary>
    public required ProcessCost Process { get; init; }
}
