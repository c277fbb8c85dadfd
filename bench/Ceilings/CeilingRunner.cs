using System.Diagnostics;
using ClarityConnect.Bench.Cluster;
using ClarityConnect.Bench.Reporting;
using ClarityConnect.Grains.Sessions;
using ClarityConnect.Simulator.Calls;
using ClarityConnect.Simulator.Reporting;

namespace ClarityConnect.Bench.Ceilings;

/// <summary>
/// Measures the two ceilings beside each life-cycle run, at its concurrency: no-op grain calls through the same client
/// and <see cref="GrainCaller"/>, and state writes of a real completed session's state straight to the silo's grain
/// storage provider (one row per worker, inserted once, then updated with its ETag as a session's row is).
/// </summary>
public sealed class CeilingRunner(BenchHost host, SessionState sessionState)
{
    private const string GrainCall = "NoOp";
    private const string StorageWrite = "StateWrite";
    private int _round;

    /// <summary>The state name the raw writes use (counted apart from the grains' writes).</summary>
    public const string RawStateName = "bench-raw";

    /// <summary>Both ceilings at <paramref name="concurrency"/>, each for <paramref name="duration"/>.</summary>
    public async Task<Ceiling> RunAsync(int concurrency, TimeSpan duration)
    {
        var round = Interlocked.Increment(ref _round);
        var calls = new LatencyRecorder();
        var caller = new GrainCaller(calls, TimeSpan.FromSeconds(30));
        var grains = Enumerable.Range(0, concurrency).Select(i => host.Grains.GetGrain<INoOpGrain>($"{host.RunId}-noop-{i}")).ToArray();
        var callsPerSecond = await ClosedLoop.RunAsync(concurrency, duration,
            worker => caller.InvokeAsync(GrainCall, grains[worker].PingAsync, CancellationToken.None));

        var writes = new LatencyRecorder();
        var states = Enumerable.Range(0, concurrency)
            .Select(i => (Id: GrainId.Create(RawStateName, $"{host.RunId}-{round}-{i}"), State: new GrainState<SessionState>(sessionState)))
            .ToArray();
        var writesPerSecond = await ClosedLoop.RunAsync(concurrency, duration, async worker =>
        {
            var started = Stopwatch.GetTimestamp();
            await host.Storage.WriteStateAsync(RawStateName, states[worker].Id, states[worker].State);
            writes.Record(StorageWrite, Stopwatch.GetElapsedTime(started));
        });

        return new Ceiling
        {
            Concurrency = concurrency,
            RawGrainCallsPerS = callsPerSecond,
            GrainCallLatency = calls.Summarize([GrainCall])[0],
            RawStorageWritesPerS = writesPerSecond,
            StorageWriteLatency = writes.Summarize([StorageWrite])[0],
        };
    }
}
