using ClarityConnect.Abstractions.Agents;
using ClarityConnect.Abstractions.Events;
using ClarityConnect.Abstractions.Sessions;
using ClarityConnect.Grains.Events;
using Orleans.Runtime;
using Orleans.Streams;

namespace ClarityConnect.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class ChangeEventTests(CoreClusterFixture fixture)
{
    [Fact]
    public async Task Each_status_change_reaches_both_consumers_once_in_order_with_gap_free_sequences()
    {
        var (session, agentId) = await new SessionDriver(fixture.Grains).NewAsync(SessionStatus.Completed);
        var key = ChangeStreams.SessionKey(session.GetPrimaryKeyString());
        var snapshot = await session.GetAsync();

        await WaitUntilHandledAsync(key, snapshot.EventSequence);

        foreach (var consumer in ChangeConsumers.All)
        {
            var events = RecordingChangeHandler.HandledBy(consumer, key).Cast<SessionChanged>().ToList();
            Assert.Equal([1L, 2L, 3L, 4L, 5L, 6L], events.Select(e => e.Sequence));
            Assert.Equal(
                [SessionStatus.New, SessionStatus.Queued, SessionStatus.Ringing, SessionStatus.Active, SessionStatus.WrapUp, SessionStatus.Completed],
                events.Select(e => e.NewStatus));
            Assert.Null(events[0].OldStatus);
            Assert.All(events.Skip(1).Zip(events), pair => Assert.Equal(pair.Second.NewStatus, pair.First.OldStatus));
            Assert.Equal(agentId, events.Last().AgentId);
            Assert.Equal("Support", events.Last().Queue);
        }

        var agentKey = ChangeStreams.AgentKey(agentId);
        var agentSnapshot = await fixture.Grains.GetGrain<IAgentGrain>(agentId).GetAsync();
        await WaitUntilHandledAsync(agentKey, agentSnapshot.EventSequence);
        var agentEvents = RecordingChangeHandler.HandledBy(ChangeConsumers.Csi, agentKey).Cast<AgentChanged>().ToList();
        Assert.Equal(
            [AgentStatus.Available, AgentStatus.Ringing, AgentStatus.Busy, AgentStatus.WrapUp, AgentStatus.Available],
            agentEvents.Select(e => e.NewStatus));
    }

    [Fact]
    public async Task A_redelivered_event_is_dropped_by_sequence_number()
    {
        var (session, _) = await new SessionDriver(fixture.Grains).NewAsync(SessionStatus.Queued);
        var key = ChangeStreams.SessionKey(session.GetPrimaryKeyString());
        await WaitUntilHandledAsync(key, 2);

        var duplicate = new SessionChanged { EntityId = session.GetPrimaryKeyString(), Sequence = 2, NewStatus = SessionStatus.Queued, OldStatus = SessionStatus.New };
        await StreamOf(key).OnNextAsync(duplicate);
        var csi = fixture.Grains.GetGrain<ICsiPusherGrain>(key);
        await Eventually.TrueAsync(async () => (await csi.GetProgressAsync()).DuplicatesDropped == 1, "the duplicate is dropped");

        var progress = await csi.GetProgressAsync();
        Assert.Equal((2L, 2L), (progress.HandledSequence, progress.HandledCount));
        Assert.Equal(2, RecordingChangeHandler.HandledBy(ChangeConsumers.Csi, key).Count);
    }

    [Fact]
    public async Task A_consumer_that_missed_an_event_fetches_it_from_the_producer_before_handling_the_next()
    {
        var (session, _) = await new SessionDriver(fixture.Grains).NewAsync(SessionStatus.New);
        var key = ChangeStreams.SessionKey(session.GetPrimaryKeyString());
        await WaitUntilHandledAsync(key, 1);
        RecordingChangeHandler.FailNextAttempt(ChangeConsumers.Crm, key, 2);

        await session.EnqueueAsync("Sales");
        await session.AbandonAsync("caller hung up");
        await WaitUntilHandledAsync(key, 3);

        Assert.Equal([1L, 2L, 3L], RecordingChangeHandler.HandledBy(ChangeConsumers.Crm, key).Select(e => e.Sequence));
        Assert.Equal([1L, 2L, 3L], RecordingChangeHandler.HandledBy(ChangeConsumers.Csi, key).Select(e => e.Sequence));
    }

    [Fact]
    public async Task An_event_the_producer_never_made_is_not_handled()
    {
        var (session, _) = await new SessionDriver(fixture.Grains).NewAsync(SessionStatus.Queued);
        var key = ChangeStreams.SessionKey(session.GetPrimaryKeyString());
        await WaitUntilHandledAsync(key, 2);

        await StreamOf(key).OnNextAsync(new SessionChanged { EntityId = session.GetPrimaryKeyString(), Sequence = 9, NewStatus = SessionStatus.Abandoned });
        await session.AbandonAsync("caller hung up");
        await WaitUntilHandledAsync(key, 3);

        Assert.Equal([1L, 2L, 3L], RecordingChangeHandler.HandledBy(ChangeConsumers.Crm, key).Select(e => e.Sequence));
    }

    [Fact]
    public async Task Events_are_acknowledged_so_the_producer_forgets_them()
    {
        var (session, _) = await new SessionDriver(fixture.Grains).NewAsync(SessionStatus.Abandoned);
        var key = ChangeStreams.SessionKey(session.GetPrimaryKeyString());
        await WaitUntilHandledAsync(key, 3);
        var source = fixture.Grains.GetGrain<IChangeEventSource>(GrainId.Create(Sessions.SessionGrain.GrainTypeName, session.GetPrimaryKeyString()));

        await Eventually.TrueAsync(async () => (await source.GetPendingAsync(ChangeConsumers.Csi, 0)).Count == 0
            && (await source.GetPendingAsync(ChangeConsumers.Crm, 0)).Count == 0, "both consumers acknowledged");
    }

    private IAsyncStream<ChangeEvent> StreamOf(string key) =>
        fixture.Cluster.Client.GetStreamProvider(ChangeStreams.ProviderName)
            .GetStream<ChangeEvent>(StreamId.Create(ChangeStreams.Namespace, key));

    private Task WaitUntilHandledAsync(string key, long sequence) =>
        Eventually.TrueAsync(async () =>
            (await fixture.Grains.GetGrain<ICsiPusherGrain>(key).GetProgressAsync()).HandledSequence >= sequence
            && (await fixture.Grains.GetGrain<ICrmExporterGrain>(key).GetProgressAsync()).HandledSequence >= sequence,
            $"{key} is handled up to {sequence}");
}
