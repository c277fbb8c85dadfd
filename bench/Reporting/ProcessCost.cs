namespace ClarityConnect.Bench.Reporting;

/// <summary>What a run cost the bench process (the silo, the client and the doubles share it): CPU, allocation, GC pauses.</summary>
public sealed record ProcessCost
{
    /// <summary>Seconds measured.</summary>
    public double WallSeconds { get; init; }
    /// <summary>CPU time over wall time: how many of the machine's cores the process kept busy.</summary>
    public double CoresUsed { get; init; }
    /// <summary>CPU time per life cycle (ms), everything in the process included.</summary>
    public double CpuMsPerLifecycle { get; init; }
    /// <summary>Managed allocation per life cycle (KB).</summary>
    public double AllocatedKbPerLifecycle { get; init; }
    /// <summary>Collections of generation 0, 1 and 2 (a gen 1 collection counts in gen 0 as well, as the runtime counts them).</summary>
    public required IReadOnlyList<int> Collections { get; init; }
    /// <summary>Pauses (execution suspended for a collection).</summary>
    public int Pauses { get; init; }
    /// <summary>The share of wall time the process was paused.</summary>
    public double PausedShare { get; init; }
    /// <summary>The share of the run's time at which an operation arriving would wait over 10 ms for a pause to end (the sum
    /// of each pause's part beyond 10 ms, over the run's time): above 1 %, the pauses alone put the p99 of any operation
    /// of the run over 10 ms.</summary>
    public double HeldOver10MsShare { get; init; }
    /// <summary>Median pause (ms).</summary>
    public double PauseP50Ms { get; init; }
    /// <summary>Longest pause (ms).</summary>
    public double PauseMaxMs { get; init; }
}
