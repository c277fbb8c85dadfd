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
        var started = 0;
        var killed = new TaskCompletionSource();
        var sessions = Enumerable.Range(0, Sessions).Select(async i =>
        {
            if (Interlocked.Increment(ref started) > Sessions / 3)
            {
                await killed.Task;
            }

            await RunSessionAsync($"{run}-s{i}", $"{run}-a{i}");
        }).ToList();

        await Eventually.TrueAsync(() => Task.FromResult(Volatile.Read(ref started) >= Sessions / 3), "a third of the sessions started");
        await Task.Delay(200);
        await fixture.Cluster.KillSiloAsync(fixture.Cluster.SecondarySilos[0]);
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
            await Eventually.TrueAsync(async () =>
                (await fixture.Grains.GetGrain<ICsiPusherGrain>(key).GetProgressAsync()).HandledSequence == sequence
                && (await fixture.Grains.GetGrain<ICrmExporterGrain>(key).GetProgressAsync()).HandledSequence == sequence,
                $"every event of {key} up to {sequence} is handled", TimeSpan.FromSeconds(90));
            foreach (var consumer in ChangeConsumers.All)
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

    private async Task RunSessionAsync(string sessionId, string agentId)
    {
        var session = fixture.Grains.GetGrain<ISessionGrain>(sessionId);
        var agent = fixture.Grains.GetGrain<IAgentGrain>(agentId);
        await StepAsync(() => agent.SetStatusAsync(AgentStatus.Available), async () => (await agent.GetAsync()).Status == AgentStatus.Available);
        await StepAsync(() => session.StartAsync(SessionDriver.VoiceCall), () => Reached(session, SessionStatus.New));
        await StepAsync(() => session.EnqueueAsync("Support"), () => Reached(session, SessionStatus.Queued));
        await StepAsync(() => session.OfferAsync(agentId), () => Reached(session, SessionStatus.Ringing));
        await StepAsync(() => session.AcceptAsync(), () => Reached(session, SessionStatus.Active));
        await StepAsync(() => session.HoldAsync(), () => Reached(session, SessionStatus.Held));
        await StepAsync(() => session.ResumeAsync(), () => Reached(session, SessionStatus.Active, afterHold: true));
        await StepAsync(() => session.EndAsync(), () => Reached(session, SessionStatus.WrapUp));
        await StepAsync(() => session.CompleteAsync(new WrapUpDetails { Disposition = "Resolved" }), () => Reached(session, SessionStatus.Completed));
    }

    private static async Task<bool> Reached(ISessionGrain session, SessionStatus status, bool afterHold = false)
    {
        var history = (await session.GetAsync()).History;
        return history.Any(h => h.To == status && (!afterHold || h.From == SessionStatus.Held));
    }

    // The platform's view of an unacknowledged call: it may or may not have happened, so check before retrying.
    private static async Task StepAsync(Func<Task> operation, Func<Task<bool>> done)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await operation();
                return;
            }
            catch (Exception failure) when (attempt < 20 && failure is not InvalidRequestException)
            {
                await Task.Delay(250 * Math.Min(attempt, 4));
                try
                {
                    if (await done())
                    {
                        return;
                    }
                }
                catch (Exception)
                {
                    // The cluster is still settling; try the operation again.
                }
            }
        }
    }
}
