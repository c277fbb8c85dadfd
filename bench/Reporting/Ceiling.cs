using ClarityConnect.Simulator.Reporting;

namespace ClarityConnect.Bench.Reporting;

/// <summary>What the machine allows at one concurrency: no-op grain calls over the client path, and raw state writes of a session's size.</summary>
public sealed record Ceiling
{
    /// <summary>Calls or writes in flight.</summary>
    public int Concurrency { get; init; }
    /// <summary>No-op grain calls per second through the client.</summary>
    public double RawGrainCallsPerS { get; init; }
    /// <summary>Latency of those calls (ms).</summary>
    public required OperationLatency GrainCallLatency { get; init; }
    /// <summary>State writes per second straight to the silo's grain storage.</summary>
    public double RawStorageWritesPerS { get; init; }
    /// <summary>Latency of those writes (ms).</summary>
    public required OperationLatency StorageWriteLatency { get; init; }
}
