using System.Globalization;

namespace ClarityConnect.Bench.Reporting;

/// <summary>Issue 7's targets, checked against a run's figures.</summary>
public static class Targets
{
    /// <summary>The ratio of the storage target.</summary>
    public const string StorageRatio = "lifecycle_storage_writes_per_s / raw_storage_writes_per_s";

    /// <summary>The ratio of the grain layer.</summary>
    public const string GrainCallRatio = "lifecycle_grain_calls_per_s / raw_grain_calls_per_s";

    /// <summary>Both ratios at the closed-loop run with the most life cycles per second.</summary>
    public static Dictionary<string, double> Ratios(IReadOnlyList<Ceiling> ceilings, LifecycleRun busiest)
    {
        var ceiling = ceilings.First(c => c.Concurrency == busiest.Concurrency);
        return new Dictionary<string, double>
        {
            [StorageRatio] = Math.Round(busiest.LifecycleStorageWritesPerS / ceiling.RawStorageWritesPerS, 3),
            [GrainCallRatio] = Math.Round(busiest.LifecycleGrainCallsPerS / ceiling.RawGrainCallsPerS, 3),
        };
    }

    /// <summary>Every target against its figure.</summary>
    public static List<TargetCheck> Check(BenchReport report)
    {
        var busiest = report.Lifecycles.OrderByDescending(r => r.LifecyclesPerS).First();
        var slowest = report.HalfMaxRate.Operations.OrderByDescending(o => o.P99).First();
        var csi = report.CsiEventRate;
        var memory = report.Memory[^1];
        var checks = new List<TargetCheck>
        {
            new("life cycles use >= 60% of the raw write ceiling", $"{Pct(report.Ratios[StorageRatio])} at {TablePrinter.Name(busiest)}", report.Ratios[StorageRatio] >= 0.6),
            new("durable writes per life cycle (as few as the guarantees allow)", $"{F(busiest.DurableWritesPerLifecycle)} (+{F(busiest.DeferredWritesPerLifecycle)} deferred)", null),
            new($"p99 of every session operation <= 10 ms at half the max rate ({report.StorageProfile})",
                $"worst {slowest.Operation} {F(slowest.P99)} ms at {F(report.HalfMaxRate.LifecyclesPerS)} lc/s", slowest.P99 <= 10),
            new("a lookup adds <= 2 ms at p99 over the CRM double's answer", $"{F(report.RepeatCallers.LookupAddsP99Ms)} ms", report.RepeatCallers.LookupAddsP99Ms <= 2),
            new("a reused record answers in <= 1 ms at p99", $"{F(report.RepeatCallers.ReusedLookup.P99)} ms", report.RepeatCallers.ReusedLookup.P99 <= 1),
            new("CSI events p99 <= 500 ms end to end at 1,000 events/s", $"{F(csi.CsiEventDelay.P99)} ms at {F(csi.CsiEventsPerS)} events/s", csi.CsiEventDelay.P99 <= 500 && csi.CsiEventsPerS >= 950),
            new(">= 20 events per HTTP request at 1,000 events/s", $"{F(csi.CsiEventsPerRequest)} at {F(csi.CsiEventsPerS)} events/s", csi.CsiEventsPerRequest >= 20 && csi.CsiEventsPerS >= 950),
            new("<= 16 KB per active session grain", $"{memory.BytesPerSessionGrain:#,0} B at {memory.Activations:#,0}", memory.BytesPerSessionGrain <= 16 * 1024),
        };
        return checks;
    }

    private static string Pct(double ratio) => (ratio * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    private static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
