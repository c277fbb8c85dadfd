namespace ClarityConnect.Bench.Reporting;

/// <summary>Every figure of one benchmark run: what the table shows and <c>latest.json</c> holds.</summary>
public sealed record BenchReport
{
    /// <summary><c>Embedded</c> or <c>PostgreSql</c>.</summary>
    public required string StorageProfile { get; init; }
    /// <summary>Whether this was a <c>--quick</c> run.</summary>
    public bool Quick { get; init; }
    /// <summary>When the run started (UTC).</summary>
    public DateTimeOffset StartedAt { get; init; }
    /// <summary>Seconds the whole run took.</summary>
    public double TotalSeconds { get; set; }
    /// <summary>Processor count, OS and runtime.</summary>
    public required string Machine { get; init; }
    /// <summary>Serialized size of a completed session's state, the size the raw storage ceiling writes (bytes).</summary>
    public int SessionStateBytes { get; init; }
    /// <summary>The ceilings at each concurrency level.</summary>
    public required IReadOnlyList<Ceiling> Ceilings { get; init; }
    /// <summary>Closed-loop life-cycle runs, one per concurrency level (beside the ceiling of the same level).</summary>
    public required IReadOnlyList<LifecycleRun> Lifecycles { get; init; }
    /// <summary>The highest life cycles per second of the closed-loop runs.</summary>
    public double MaxLifecyclesPerS { get; init; }
    /// <summary>Life cycles paced at half of <see cref="MaxLifecyclesPerS"/>: the latency target's run.</summary>
    public required LifecycleRun HalfMaxRate { get; init; }
    /// <summary>Life cycles paced at 100/s, i.e. 1,000 change events/s: the CSI target's run.</summary>
    public required LifecycleRun CsiEventRate { get; init; }
    /// <summary>Lookups of repeat callers.</summary>
    public required RepeatCallers RepeatCallers { get; init; }
    /// <summary>Bytes per active grain at each activation count.</summary>
    public required IReadOnlyList<MemoryFigure> Memory { get; init; }
    /// <summary>The ratios of issue 7 at the concurrency of <see cref="MaxLifecyclesPerS"/>.</summary>
    public required IReadOnlyDictionary<string, double> Ratios { get; init; }
    /// <summary>Each target against its figure.</summary>
    public required IReadOnlyList<TargetCheck> Targets { get; init; }
}
