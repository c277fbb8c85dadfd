using System.Globalization;
using ClarityConnect.Abstractions.Agents;
using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Abstractions.Sessions;
using ClarityConnect.Grains.Csi;
using ClarityConnect.TestDoubles.Csi;

namespace ClarityConnect.Csi.Tests;

/// <summary>Three silos feeding a CSI double; one is killed while sessions run.</summary>
public sealed class CsiThreeSiloFixture() : ClusterFixture(3)
{
    public CsiDouble Csi { get; } = new();

    protected override Task StartDoublesAsync() => Csi.StartAsync();

    protected override async Task ConfigureIntegrationsAsync()
    {
        var config = Grains.GetGrain<IIntegrationConfigGrain>(IntegrationNames.Csi);
        await config.UpdateAsync(new CsiSettings { Enabled = true, SendChangeEvents = true, InstanceAddress = Csi.InstanceAddress, DeveloperKey = Csi.DeveloperKey }, (await config.GetAsync()).Version);
    }

    protected override Task StopDoublesAsync() => Csi.DisposeAsync().AsTask();
}

public sealed class CsiSiloFailureTests(CsiThreeSiloFixture fixture) : IClassFixture<CsiThreeSiloFixture>
{
    private const int Sessions = 30;

    [Fact]
    public async Task Killing_a_silo_while_sessions_run_loses_no_csi_event_and_keeps_each_entitys_order()
    {
        var run = Guid.NewGuid().ToString("n")[..8];
        var victim = fixture.Cluster.SecondarySilos[0];
        const int onVictim = Sessions / 3;
        var queues = Enumerable.Range(0, new CsiEventOptions().Queues).Select(q => fixture.Grains.GetGrain<ICsiEventQueueGrain>(q.ToString(CultureInfo.InvariantCulture))).ToList();
        using (SiloPlacement.On(victim.SiloAddress))
        {
            // Every CSI event queue lives on the silo about to die: each event of the run passes through it.
            await Task.WhenAll(queues.Select(q => q.GetPendingCountAsync()));
        }

        var answered = 0;
        var allAnswered = new TaskCompletionSource();
        var killed = new TaskCompletionSource();
        var calls = Enumerable.Range(0, Sessions).Select(async i =>
        {
            if (i >= onVictim)
            {
                await killed.Task;
                await ResilientCall.RunAsync(fixture.Grains, $"{run}-s{i}", $"{run}-a{i}");
                return;
            }

            // A third of the calls live on that silo too, and are mid-call when it dies.
            using (SiloPlacement.On(victim.SiloAddress))
            {
                await ResilientCall.RunAsync(fixture.Grains, $"{run}-s{i}", $"{run}-a{i}", whileActive: async () =>
                {
                    if (Interlocked.Increment(ref answered) == onVictim)
                    {
                        allAnswered.SetResult();
                    }

                    await killed.Task;
                });
            }
        }).ToList();

        await allAnswered.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await SiloPlacement.AssertHoldsAsync(fixture.Grains, victim.SiloAddress, queues.Concat(Enumerable.Range(0, onVictim).Select(i => (IAddressable)fixture.Grains.GetGrain<ISessionGrain>($"{run}-s{i}"))));
        await fixture.Cluster.KillSiloAsync(victim);
        killed.SetResult();
        await Task.WhenAll(calls);

        var expected = new Dictionary<string, long>();
        for (var i = 0; i < Sessions; i++)
        {
            expected[$"{run}-s{i}"] = (await fixture.Grains.GetGrain<ISessionGrain>($"{run}-s{i}").GetAsync()).EventSequence;
            expected[$"{run}-a{i}"] = (await fixture.Grains.GetGrain<IAgentGrain>($"{run}-a{i}").GetAsync()).EventSequence;
        }

        List<long> Sequences(string entity) => fixture.Csi.Events.Where(e => (string?)e["entityId"] == entity).Select(e => (long)e["sequence"]!).ToList();
        await Eventually.TrueAsync(() => Task.FromResult(expected.All(e => Sequences(e.Key).Distinct().Count() == e.Value)),
            "CSI received every event of every entity", TimeSpan.FromSeconds(90));
        foreach (var (entity, last) in expected)
        {
            var received = Sequences(entity);
            Assert.Equal(Enumerable.Range(1, (int)last).Select(n => (long)n), received.Distinct().Order());
            for (var n = 1; n < received.Count; n++)
            {
                Assert.True(received[n] <= received.Take(n).Max() + 1, $"{entity} arrived out of order: {string.Join(",", received)}");
            }
        }
    }
}
