using ClarityConnect.Abstractions.Agents;
using ClarityConnect.Abstractions.Events;
using ClarityConnect.Abstractions.Sessions;
using ClarityConnect.Grains.Events;

namespace ClarityConnect.Grains.Tests;

public sealed class ThreeSiloClusterFixture() : CoreClusterFixture(3);

[CollectionDefinition(Name)]
public sealed class ThreeSiloCollection : ICollectionFixture<ThreeSiloClusterFixture>
{
    public const string Name = "three silos";
}

[Collection(ThreeSiloCollection.Name)]
public sealed class SiloFailureTests(ThreeSiloClusterFixture fixture)
{
    private const int Sessions = 60;

    [Fact]
    public async Task Killing_a_silo_while_sessions_run_loses_no_event_and_keeps_each_entitys_order()
    {
        var run = Guid.NewGuid().ToString("n")[..8];
        var victim = fixture.Cluster.SecondarySilos[0];
        const int onVictim = Sessions / 3;
        var answered = 0;
        var allAnswered = new TaskCompletionSource();
        var killed = new TaskCompletionSource();
        var sessions = Enumerable.Range(0, Sessions).Select(async i =>
        {
            if (i >= onVictim)
            {
                await killed.Task;
                await ResilientCall.RunAsync(fixture.Grains, $"{run}-s{i}", $"{run}-a{i}");
                return;
            }

            // A third of the calls live on the silo about to die, with their consumers, and are mid-call when it does.
            using (SiloPlacement.On(victim.SiloAddress))
            {
                await Task.WhenAll(ConsumersOf($"{run}-s{i}", $"{run}-a{i}").Select(c => c.GetProgressAsync()));
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
        await SiloPlacement.AssertHoldsAsync(fixture.Grains, victim.SiloAddress, Enumerable.Range(0, onVictim).SelectMany(i => new IAddressable[]
        {
            fixture.Grains.GetGrain<ISessionGrain>($"{run}-s{i}"), fixture.Grains.GetGrain<IAgentGrain>($"{run}-a{i}"),
        }.Concat(ConsumersOf($"{run}-s{i}", $"{run}-a{i}"))));
        await fixture.Cluster.KillSiloAsync(victim);
        killed.SetResult();
        await Task.WhenAll(sessions);

        var entities = new List<(string Key, long Sequence)>();
        for (var i = 0; i < Sessions; i++)
        {
            var session = await fixture.Grains.GetGrain<ISessionGrain>($"{run}-s{i}").GetAsync();
            Assert.Equal(SessionStatus.Completed, session.Status);
            entities.Add((ChangeStreams.SessionKey(session.SessionId), session.EventSequence));
            var agent = await fixture.Grains.GetGrain<IAgentGrain>($"{run}-a{i}").GetAsync();
            entities.Add((ChangeStreams.AgentKey(agent.AgentId), agent.EventSequence));
        }

        foreach (var (key, sequence) in entities)
        {
            await Eventually.TrueAsync(() => StreamConsumers.HandledAsync(fixture.Grains, key, sequence, atLeast: false),
                $"every event of {key} up to {sequence} is handled", TimeSpan.FromSeconds(90));
            foreach (var consumer in StreamConsumers.Of(key))
            {
                var handled = RecordingChangeHandler.HandledBy(consumer, key).Select(e => e.Sequence).ToList();
                Assert.Equal(Enumerable.Range(1, (int)sequence).Select(s => (long)s), handled.Distinct().Order());
                // At least once, in order: a repeat may follow a crash, but no event is handled before its predecessor.
                for (var n = 1; n < handled.Count; n++)
                {
                    Assert.True(handled[n] <= handled.Take(n).Max() + 1, $"{consumer} handled {key} out of order: {string.Join(",", handled)}");
                }
            }
        }
    }

    private IEnumerable<IChangeConsumerGrain> ConsumersOf(string sessionId, string agentId) =>
        new[] { ChangeStreams.SessionKey(sessionId), ChangeStreams.AgentKey(agentId) }.SelectMany(key =>
            StreamConsumers.Of(key).Select(consumer => StreamConsumers.Grain(fixture.Grains, consumer, key)));
}
