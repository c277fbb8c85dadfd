using System.Diagnostics;
using ClarityConnect.Abstractions.Agents;
using ClarityConnect.Abstractions.Sessions;
using ClarityConnect.Bench.Ceilings;
using ClarityConnect.Bench.Cluster;
using ClarityConnect.Bench.Lifecycles;
using ClarityConnect.Bench.Reporting;

namespace ClarityConnect.Bench.Memory;

/// <summary>
/// Bytes per active grain: the managed heap (after full collections) grows as sessions are started (state, outbox,
/// the first change event and the two consumers it activates) and as agents log in, measured up to each activation
/// count; first, the same for what Orleans costs alone (<see cref="BareSessionShape"/>). The silo runs in this process,
/// so its heap is this process's heap; CSI events are off meanwhile so the CSI double's copies of them are not counted.
/// </summary>
public sealed class MemoryRunner(BenchHost host)
{
    private const int Parallelism = 64;

    /// <summary>Measures at each of <paramref name="counts"/> (ascending) activations.</summary>
    public async Task<IReadOnlyList<MemoryFigure>> RunAsync(IReadOnlyList<int> counts)
    {
        // The change streams' cache forgets the life-cycle runs' events after its retention; were that to happen while a
        // phase grows, the phase would be credited with the memory it frees.
        await Task.Delay(ClarityConnect.Silo.Configuration.SiloBuilderExtensions.ChangeEventCacheRetention + TimeSpan.FromSeconds(5));

        // What Orleans costs before any of the product's state: a bare grain, and a session's shape with nothing in it.
        var bare = await GrowAsync(counts, i => host.Grains.GetGrain<INoOpGrain>($"{host.RunId}-memory-bare-{i:0000000}").PingAsync());
        var consumersBefore = BareSessionShape.ConsumersActivated;
        var shapes = await GrowAsync(counts, i => host.Grains.GetGrain<IBareProducerGrain>($"{host.RunId}-memory-shape-{i:0000000}").PublishAsync(),
            count => BareSessionShape.ConsumersActivated - consumersBefore >= 2L * count);

        await host.SetCsiEventsAsync(false);
        var sessions = await GrowAsync(counts, i => host.Grains.GetGrain<ISessionGrain>($"{host.RunId}-memory-{i:0000000}").StartAsync(VoiceLifecycle.Start(host.CallerNumbers[i % host.CallerNumbers.Count])));
        var agents = await GrowAsync(counts, i => host.Grains.GetGrain<IAgentGrain>($"{host.RunId}-memory-agent-{i:0000000}").SetStatusAsync(AgentStatus.Available));
        await host.SetCsiEventsAsync(true);
        return counts.Select((count, i) => new MemoryFigure
        {
            Activations = count,
            BytesPerSessionGrain = sessions[i].BytesPer,
            BytesPerAgentGrain = agents[i].BytesPer,
            BytesPerBareGrain = bare[i].BytesPer,
            BytesPerBareSessionShape = shapes[i].BytesPer,
            SessionActivationSeconds = sessions[i].Seconds,
            AgentActivationSeconds = agents[i].Seconds,
        }).ToList();
    }

    // activated: whether everything the first count calls set off is in memory (for work no durable write marks).
    private async Task<List<(long BytesPer, double Seconds)>> GrowAsync(IReadOnlyList<int> counts, Func<int, Task> activate, Func<int, bool>? activated = null)
    {
        await SettleAsync();
        var baseline = Heap();
        var figures = new List<(long, double)>();
        var clock = Stopwatch.StartNew();
        var done = 0;
        foreach (var count in counts)
        {
            await Parallel.ForEachAsync(Enumerable.Range(done, count - done), new ParallelOptions { MaxDegreeOfParallelism = Parallelism },
                async (i, _) => await activate(i));
            done = count;
            var seconds = clock.Elapsed.TotalSeconds;
            while (activated is not null && !activated(count))
            {
                await Task.Delay(100);
            }

            await SettleAsync();
            figures.Add(((Heap() - baseline) / count, Math.Round(seconds, 1)));
        }

        return figures;
    }

    // The work an activation sets off (consumers storing their progress) finishes shortly after the calls return.
    private async Task SettleAsync()
    {
        var last = -1L;
        for (var quiet = 0; quiet < 3;)
        {
            await Task.Delay(250);
            var now = host.Writes.Total();
            quiet = now == last ? quiet + 1 : 0;
            last = now;
        }
    }

    private static long Heap()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
