using System.Collections.Concurrent;
using System.Diagnostics;
using ClarityConnect.Abstractions.Exports;
using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Bench.Cluster;
using ClarityConnect.Bench.Reporting;
using ClarityConnect.Simulator.Calls;
using ClarityConnect.Simulator.Reporting;

namespace ClarityConnect.Bench.Lifecycles;

/// <summary>Runs voice life cycles closed-loop (a fixed number in flight) or paced (a fixed start rate) and gathers every figure of the run.</summary>
public sealed class LifecycleRunner(BenchHost host, AgentPool agents, CsiDeliveryProbe csi, ProcessMeter process)
{
    private const int ExportSample = 200;
    private int _sessions;

    /// <summary><paramref name="concurrency"/> life cycles in flight, each followed at once by the next, for <paramref name="duration"/>.</summary>
    public Task<LifecycleRun> RunClosedAsync(int concurrency, TimeSpan duration, string label) =>
        RunAsync("closed", concurrency, null, label, async (lifecycle, clock, cancellationToken) =>
        {
            await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
            {
                while (clock.Elapsed < duration)
                {
                    await lifecycle(cancellationToken);
                }
            }));
        });

    /// <summary>Life cycles started at <paramref name="rate"/> per second, whatever is still in flight, for <paramref name="duration"/>.</summary>
    public Task<LifecycleRun> RunPacedAsync(double rate, TimeSpan duration, string label) =>
        RunAsync("paced", null, rate, label, async (lifecycle, clock, cancellationToken) =>
        {
            var running = new List<Task>();
            var count = (int)(rate * duration.TotalSeconds);
            for (var i = 0; i < count; i++)
            {
                var due = TimeSpan.FromSeconds(i / rate) - clock.Elapsed;
                if (due > TimeSpan.FromMilliseconds(1))
                {
                    await Task.Delay(due, cancellationToken);
                }

                running.Add(Task.Run(() => lifecycle(cancellationToken), cancellationToken));
            }

            await Task.WhenAll(running);
        });

    private async Task<LifecycleRun> RunAsync(
        string mode, int? concurrency, double? rate, string label,
        Func<Func<CancellationToken, Task>, Stopwatch, CancellationToken, Task> drive)
    {
        var latencies = new LatencyRecorder();
        var voice = new VoiceLifecycle(host.Grains, new GrainCaller(latencies, TimeSpan.FromSeconds(30)), agents);
        var completed = new ConcurrentQueue<(string SessionId, DateTimeOffset CompletedAt)>();
        var failures = new ConcurrentQueue<string>();
        csi.Reset();
        var writesBefore = host.Writes.Snapshot();
        var siloCallsBefore = host.Calls.Calls;
        var callsBefore = host.Calls.Snapshot();
        var clock = Stopwatch.StartNew();
        var runCost = process.Start();

        async Task LifecycleAsync(CancellationToken cancellationToken)
        {
            var n = Interlocked.Increment(ref _sessions);
            var sessionId = $"{host.RunId}-{label}-{n:0000000}";
            try
            {
                await voice.RunAsync(sessionId, host.CallerNumbers[n % host.CallerNumbers.Count], cancellationToken);
                completed.Enqueue((sessionId, DateTimeOffset.UtcNow));
            }
            catch (Exception failure)
            {
                failures.Enqueue(failure.GetBaseException().Message);
            }
        }

        await drive(LifecycleAsync, clock, CancellationToken.None);
        var seconds = clock.Elapsed.TotalSeconds;
        var lifecycles = completed.Count;
        var costInRun = runCost.Stop(lifecycles);
        var writesInRun = DurableWriteCounter.Difference(writesBefore, host.Writes.Snapshot());
        var siloCalls = host.Calls.Calls - siloCallsBefore;
        var operations = latencies.Summarize(LifecycleOperation.All);

        var drain = Stopwatch.StartNew();
        var expectedEvents = (long)lifecycles * LifecycleOperation.EventsPerLifecycle;
        var sample = completed.Where((_, i) => i % Math.Max(1, lifecycles / ExportSample) == 0).Take(ExportSample).ToList();
        var exports = await WaitForExportsAsync(sample, expectedEvents);
        var (events, requests, delay) = csi.Take();
        var drainSeconds = drain.Elapsed.TotalSeconds;
        // Cores and pauses are the run's (what its operations met); CPU and allocation per life cycle include the drain,
        // where the run's last events and exports are worked off.
        var costWithDrain = runCost.Stop(lifecycles);
        var writesAll = DurableWriteCounter.Difference(writesBefore, host.Writes.Snapshot());
        var siloCallsAll = host.Calls.Calls - siloCallsBefore;
        var perLifecycle = writesAll.ToDictionary(w => w.Key, w => Math.Round(w.Value / (double)Math.Max(1, lifecycles), 2));
        var callsPerLifecycle = DurableWriteCounter.Difference(callsBefore, host.Calls.Snapshot())
            .ToDictionary(c => c.Key, c => Math.Round(c.Value / (double)Math.Max(1, lifecycles), 2));
        return new LifecycleRun
        {
            Mode = mode,
            Concurrency = concurrency,
            TargetRate = rate,
            Seconds = Math.Round(seconds, 2),
            Lifecycles = lifecycles,
            Failures = failures.Count,
            FirstFailure = failures.FirstOrDefault(),
            LifecyclesPerS = Math.Round(lifecycles / seconds, 1),
            Operations = operations,
            LifecycleGrainCallsPerS = Math.Round(operations.Sum(o => o.Calls) / seconds, 1),
            SiloGrainCallsPerS = Math.Round(siloCalls / seconds, 1),
            SiloGrainCallsPerLifecycle = Math.Round(siloCallsAll / (double)Math.Max(1, lifecycles), 2),
            SiloGrainCallsPerLifecycleByMethod = callsPerLifecycle,
            LifecycleStorageWritesPerS = Math.Round(writesInRun.Values.Sum() / seconds, 1),
            DurableWritesPerLifecycle = Math.Round(writesAll.Values.Sum() / (double)Math.Max(1, lifecycles), 2),
            WritesPerLifecycleByKind = perLifecycle,
            // A session's redelivery reminder, registered with its first event, is removed (and the trimmed outbox
            // written) at its first tick with nothing pending once ReminderRetention has passed: two more writes later.
            DeferredWritesPerLifecycle = 2 * perLifecycle.GetValueOrDefault($"{DurableWriteCounter.Reminders}/session") ,
            CsiEventsExpected = expectedEvents,
            CsiEventsDelivered = events,
            CsiEventsPerS = Math.Round(expectedEvents / seconds, 1),
            CsiRequests = requests,
            CsiEventsPerRequest = requests == 0 ? 0 : Math.Round(events / (double)requests, 1),
            CsiRequestsPerEvent = events == 0 ? 0 : Math.Round(requests / (double)events, 4),
            CsiEventDelay = delay,
            ExportsSampled = sample.Count,
            ExportsDone = exports.Done,
            ExportDelay = exports.Delay,
            DrainSeconds = Math.Round(drainSeconds, 2),
            Process = costInRun with { CpuMsPerLifecycle = costWithDrain.CpuMsPerLifecycle, AllocatedKbPerLifecycle = costWithDrain.AllocatedKbPerLifecycle },
        };
    }

    // Waits (bounded) until the CSI double has every event of the run and the sampled exports are done.
    private async Task<(int Done, OperationLatency Delay)> WaitForExportsAsync(List<(string SessionId, DateTimeOffset CompletedAt)> sample, long expectedEvents)
    {
        var deadline = Stopwatch.StartNew();
        var limit = TimeSpan.FromSeconds(host.Options.Quick ? 20 : 60);
        var delays = new LatencyRecorder();
        var pending = sample.ToList();
        while (deadline.Elapsed < limit)
        {
            var statuses = await Task.WhenAll(pending.Select(async s =>
                (s, Status: await host.Grains.GetGrain<IExportGrain>($"{IntegrationNames.Salesforce}/{s.SessionId}").GetStatusAsync())));
            foreach (var (s, status) in statuses.Where(x => x.Status.State == ExportState.Done))
            {
                delays.Record("Export", (status.UpdatedAt ?? s.CompletedAt) - s.CompletedAt);
                pending.Remove(s);
            }

            if (pending.Count == 0 && csi.Events >= expectedEvents)
            {
                break;
            }

            await Task.Delay(100);
        }

        return (sample.Count - pending.Count, delays.Summarize(["Export"]).FirstOrDefault() ?? new OperationLatency("Export", 0, 0, 0, 0, 0, 0));
    }
}
