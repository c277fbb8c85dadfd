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

        var duplicate = new SessionChanged { EntityId = session.GetPrimaryKeyString(), Sequence = 2, NewStatus = SessionStatus.Queued, OldStatus = SessionStatus.New, Source = SourceId(session), Redelivered = true };
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

        await StreamOf(key).OnNextAsync(new SessionChanged { EntityId = session.GetPrimaryKeyString(), Sequence = 9, NewStatus = SessionStatus.Abandoned, Source = SourceId(session) });
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
        var source = fixture.Grains.GetGrain<IChangeEventSource>(SourceId(session));

        await Eventually.TrueAsync(async () => (await source.GetPendingAsync(ChangeConsumers.Csi, 0)).Events.Count == 0
            && (await source.GetPendingAsync(ChangeConsumers.Crm, 0)).Events.Count == 0, "both consumers acknowledged");
    }

    [Fact]
    public async Task Events_carry_the_grain_that_produced_them()
    {
        var (session, agentId) = await new SessionDriver(fixture.Grains).NewAsync(SessionStatus.Active);
        var key = ChangeStreams.SessionKey(session.GetPrimaryKeyString());
        var agentKey = ChangeStreams.AgentKey(agentId);
        await WaitUntilHandledAsync(key, (await session.GetAsync()).EventSequence);
        await WaitUntilHandledAsync(agentKey, (await fixture.Grains.GetGrain<IAgentGrain>(agentId).GetAsync()).EventSequence);

        Assert.All(RecordingChangeHandler.HandledBy(ChangeConsumers.Crm, key), e => Assert.Equal(SourceId(session), e.Source));
        Assert.All(RecordingChangeHandler.HandledBy(ChangeConsumers.Csi, agentKey),
            e => Assert.Equal(GrainId.Create(Agents.AgentGrain.GrainTypeName, agentId), e.Source));
    }

    [Fact]
    public async Task A_restarted_consumer_resumes_from_what_the_producer_holds_as_acknowledged()
    {
        var (session, _) = await new SessionDriver(fixture.Grains).NewAsync(SessionStatus.Queued);
        var key = ChangeStreams.SessionKey(session.GetPrimaryKeyString());
        var source = fixture.Grains.GetGrain<IChangeEventSource>(SourceId(session));
        await WaitUntilHandledAsync(key, 2);
        await Eventually.TrueAsync(async () => (await source.GetPendingAsync(ChangeConsumers.Crm, 0)).Acknowledged == 2, "the CRM consumer acknowledged both events");

        var crm = fixture.Grains.GetGrain<ICrmExporterGrain>(key);
        await crm.AsReference<Orleans.Core.Internal.IGrainManagementExtension>().DeactivateOnIdle();
        await Eventually.TrueAsync(async () => (await crm.GetProgressAsync()).HandledSequence == 0, "a new CRM consumer activation, which remembers nothing");
        // The producer republishes its first event (as after a crash): the new activation learns it was acknowledged.
        var first = RecordingChangeHandler.HandledBy(ChangeConsumers.Crm, key)[0] with { Redelivered = true };
        await StreamOf(key).OnNextAsync(first);
        await session.AbandonAsync("caller hung up");
        await WaitUntilHandledAsync(key, 3);

        Assert.Equal([1L, 2L, 3L], RecordingChangeHandler.HandledBy(ChangeConsumers.Crm, key).Select(e => e.Sequence));
        Assert.Equal(1, (await crm.GetProgressAsync()).HandledCount);
    }

    [Fact]
    public async Task Acknowledgements_cover_only_handled_events_so_a_failing_handler_keeps_its_event_pending()
    {
        var (session, _) = await new SessionDriver(fixture.Grains).NewAsync(SessionStatus.New);
        var key = ChangeStreams.SessionKey(session.GetPrimaryKeyString());
        var source = fixture.Grains.GetGrain<IChangeEventSource>(SourceId(session));
        RecordingChangeHandler.FailUntilRecovered(ChangeConsumers.Crm, key, 2);
        try
        {
            await session.EnqueueAsync("Sales");
            await Eventually.TrueAsync(async () => (await source.GetPendingAsync(ChangeConsumers.Csi, 0)).Acknowledged == 2
                && (await source.GetPendingAsync(ChangeConsumers.Crm, 0)).Acknowledged == 1, "each consumer acknowledged what it handled");

            // Redeliveries come and fail again: event 2 stays owed while event 1 stays acknowledged.
            await Eventually.TrueAsync(() => Task.FromResult(RecordingChangeHandler.Attempts(ChangeConsumers.Crm, key, 2) >= 2),
                "the producer redelivered what the CRM consumer did not acknowledge");
            var pending = await source.GetPendingAsync(ChangeConsumers.Crm, 0);
            Assert.Equal(1, pending.Acknowledged);
            Assert.Equal([2L], pending.Events.Select(e => e.Sequence));
        }
        finally
        {
            RecordingChangeHandler.Recover(ChangeConsumers.Crm, key, 2);
        }

        await WaitUntilHandledAsync(key, 2);
        await Eventually.TrueAsync(async () => (await source.GetPendingAsync(ChangeConsumers.Crm, 0)).Events.Count == 0, "event 2 acknowledged once handled");
        Assert.Equal([1L, 2L], RecordingChangeHandler.HandledBy(ChangeConsumers.Crm, key).Select(e => e.Sequence));
    }

    private static GrainId SourceId(ISessionGrain session) => GrainId.Create(Sessions.SessionGrain.GrainTypeName, session.GetPrimaryKeyString());

    private IAsyncStream<ChangeEvent> StreamOf(string key) =>
        fixture.Cluster.Client.GetStreamProvider(ChangeStreams.ProviderName)
            .GetStream<ChangeEvent>(ChangeEventRouting.StreamOf(key));

    private Task WaitUntilHandledAsync(string key, long sequence) => StreamConsumers.WaitHandledAsync(fixture.Grains, key, sequence);
}
