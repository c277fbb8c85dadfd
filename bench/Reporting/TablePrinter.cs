using System.Globalization;
using ClarityConnect.Bench.Lifecycles;

namespace ClarityConnect.Bench.Reporting;

/// <summary>Prints a <see cref="BenchReport"/> as plain-text tables.</summary>
public static class TablePrinter
{
    /// <summary>Writes <paramref name="report"/> to <paramref name="output"/>.</summary>
    public static void Write(BenchReport report, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"ClarityConnect benchmark — {report.StorageProfile} profile{(report.Quick ? ", quick" : "")}, {report.Machine}, session state {report.SessionStateBytes} B");
        output.WriteLine();
        var runs = report.Lifecycles.Append(report.HalfMaxRate).Append(report.CsiEventRate).ToList();
        Table(output, "Ceilings beside life cycles (closed loop per concurrency; paced runs at the end)",
            ["run", "raw calls/s", "lc calls/s", "calls ratio", "raw writes/s", "lc writes/s", "writes ratio", "lc/s", "failed", "writes/lc", "silo calls/s", "silo calls/lc"],
            runs.Select(run =>
            {
                var ceiling = report.Ceilings.FirstOrDefault(c => c.Concurrency == run.Concurrency);
                return new[]
                {
                    Name(run), N(ceiling?.RawGrainCallsPerS), N(run.LifecycleGrainCallsPerS), Ratio(run.LifecycleGrainCallsPerS, ceiling?.RawGrainCallsPerS),
                    N(ceiling?.RawStorageWritesPerS), N(run.LifecycleStorageWritesPerS), Ratio(run.LifecycleStorageWritesPerS, ceiling?.RawStorageWritesPerS),
                    N(run.LifecyclesPerS), N(run.Failures), N(run.DurableWritesPerLifecycle), N(run.SiloGrainCallsPerS), N(run.SiloGrainCallsPerLifecycle),
                };
            }));
        Table(output, "Operation latency, ms: p50 / p95 / p99",
            ["operation", .. runs.Select(Name)],
            LifecycleOperation.All.Select(op => new[] { op }.Concat(runs.Select(run => run.Operations.FirstOrDefault(o => o.Operation == op) is { } o ? $"{F(o.P50)} / {F(o.P95)} / {F(o.P99)}" : "-")).ToArray())
                .Append(["raw no-op call", .. runs.Select(run => report.Ceilings.FirstOrDefault(c => c.Concurrency == run.Concurrency) is { } c ? $"{F(c.GrainCallLatency.P50)} / {F(c.GrainCallLatency.P95)} / {F(c.GrainCallLatency.P99)}" : "-")])
                .Append(["raw state write", .. runs.Select(run => report.Ceilings.FirstOrDefault(c => c.Concurrency == run.Concurrency) is { } c ? $"{F(c.StorageWriteLatency.P50)} / {F(c.StorageWriteLatency.P95)} / {F(c.StorageWriteLatency.P99)}" : "-")]));
        Table(output, "CSI change events and exports",
            ["run", "events/s", "delivered/expected", "requests", "events/request", "delay p50/p95/p99 ms", "exports done", "export p50/p99 ms"],
            runs.Select(run => new[]
            {
                Name(run), N(run.CsiEventsPerS), $"{run.CsiEventsDelivered}/{run.CsiEventsExpected}", N(run.CsiRequests), N(run.CsiEventsPerRequest),
                $"{F(run.CsiEventDelay.P50)} / {F(run.CsiEventDelay.P95)} / {F(run.CsiEventDelay.P99)}",
                $"{run.ExportsDone}/{run.ExportsSampled}", $"{F(run.ExportDelay.P50)} / {F(run.ExportDelay.P99)}",
            }));
        Table(output, $"What each run cost the process (silo, client and doubles in one process, {Environment.ProcessorCount} cores; CPU and KB per life cycle include the drain)",
            ["run", "lc/s", "cores busy", "CPU ms/lc", "CPU-bound lc/s", "KB allocated/lc", "GCs gen0/1/2", "paused", "pause p50 / max ms"],
            runs.Select(run => (string[])[Name(run), N(run.LifecyclesPerS), .. CostColumns(run.Process)])
                .Append(LookupCostRow("fresh lookups", report.RepeatCallers, report.RepeatCallers.FreshLookupProcess))
                .Append(LookupCostRow("reused lookups", report.RepeatCallers, report.RepeatCallers.ReusedLookupProcess)));
        var busiest = report.Lifecycles.OrderByDescending(r => r.LifecyclesPerS).First();
        Table(output, $"Durable writes per life cycle ({Name(busiest)}; deferred ones after the reminder retention: {F(busiest.DeferredWritesPerLifecycle)})",
            ["written", "per life cycle"],
            busiest.WritesPerLifecycleByKind.Select(w => new[] { w.Key, F(w.Value) }).Append(["total", F(busiest.DurableWritesPerLifecycle)]));
        Table(output, $"Silo grain calls per life cycle ({Name(busiest)}), by interface.method",
            ["called", "per life cycle"],
            busiest.SiloGrainCallsPerLifecycleByMethod.Where(c => c.Value >= 0.01).Select(c => new[] { c.Key, F(c.Value) })
                .Append(["total", F(busiest.SiloGrainCallsPerLifecycle)]));
        var repeat = report.RepeatCallers;
        Table(output, $"Repeat callers ({repeat.Callers} callers twice, {repeat.Concurrency} at a time), ms",
            ["lookup", "p50", "p95", "p99", "max"],
            new[] { repeat.FreshLookup, repeat.ReusedLookup, repeat.CrmDoubleAnswer }.Select(l => new[] { l.Operation, F(l.P50), F(l.P95), F(l.P99), F(l.Max) }));
        Table(output, "Memory (managed heap per active grain, its change-event consumers included; beside it, Orleans' own cost: a grain doing nothing, and a session's shape with nothing in it: one grain publishing one event to two implicit consumers)",
            ["activations", "bytes/session", "bytes/agent", "bytes/bare grain", "bytes/bare session shape", "s to start sessions", "s to log in agents"],
            report.Memory.Select(m => new[]
            {
                N(m.Activations), N(m.BytesPerSessionGrain), N(m.BytesPerAgentGrain), N(m.BytesPerBareGrain), N(m.BytesPerBareSessionShape),
                N(m.SessionActivationSeconds), N(m.AgentActivationSeconds),
            }));
        Table(output, "Targets (issue 16)", ["#", "target", "measured", "met"],
            report.Targets.Select(t => new[] { t.Number, t.Target, t.Measured, t.Met switch { true => "yes", false => "NO", null => "not run" } }), textColumns: 4);
        output.WriteLine($"Ratios: {string.Join(", ", report.Ratios.Select(r => $"{r.Key} = {F(r.Value)}"))}");
        output.WriteLine($"Total {report.TotalSeconds:0} s.");
    }

    // A repeat-caller pass's row of the process-cost table: lookups per second in the "lc/s" column, costs per lookup.
    private static string[] LookupCostRow(string name, RepeatCallers repeat, ProcessCost cost) =>
        [name, N(Math.Round(repeat.Callers / Math.Max(0.01, cost.WallSeconds), 1)), .. CostColumns(cost)];

    // The process-cost columns after "run" and "lc/s" (for the lookups, per lookup).
    private static string[] CostColumns(ProcessCost cost) =>
    [
        N(cost.CoresUsed), N(cost.CpuMsPerLifecycle), N(Targets.CpuBoundLifecyclesPerS(cost)), N(cost.AllocatedKbPerLifecycle),
        string.Join("/", cost.Collections), $"{F(cost.PausedShare * 100)} %", $"{F(cost.PauseP50Ms)} / {F(cost.PauseMaxMs)}",
    ];

    /// <summary>A run's short name: <c>c=16</c> or <c>paced 120/s</c>.</summary>
    public static string Name(LifecycleRun run) => run.Concurrency is { } c ? $"c={c}" : $"paced {run.TargetRate:0}/s";

    // Numbers are right-aligned; the first textColumns columns (names, sentences) left-aligned.
    private static void Table(TextWriter output, string title, string[] header, IEnumerable<string[]> rows, int textColumns = 1)
    {
        var all = rows.Prepend(header).ToList();
        var widths = header.Select((_, i) => all.Max(r => i < r.Length ? r[i].Length : 0)).ToArray();
        output.WriteLine(title);
        foreach (var (row, index) in all.Select((r, i) => (r, i)))
        {
            output.WriteLine("  " + string.Join("  ", row.Select((cell, i) => i < textColumns ? cell.PadRight(widths[i]) : cell.PadLeft(widths[i]))));
            if (index == 0)
            {
                output.WriteLine("  " + string.Join("  ", widths.Select(w => new string('-', w))));
            }
        }

        output.WriteLine();
    }

    private static string Ratio(double value, double? ceiling) => ceiling is > 0 ? F(value / ceiling.Value) : "-";

    private static string N(double? value) => value is null ? "-" : value.Value.ToString(value.Value >= 100 ? "#,0" : "0.##", CultureInfo.InvariantCulture);

    private static string F(double value) => value.ToString(Math.Abs(value) >= 100 ? "0" : "0.##", CultureInfo.InvariantCulture);
}
