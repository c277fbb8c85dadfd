using System.Diagnostics;
using ClarityConnect.Abstractions.Events;
using ClarityConnect.Grains.Retries;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Orleans.Streams;

namespace ClarityConnect.Grains.Events;

/// <summary>
/// The producer half of durable change events, shared by the session and agent grains. A change is committed by one
/// state write that carries both the new state and its event (the outbox), then published to the change stream.
/// Publishing is best effort: a reminder republishes unacknowledged events until every consumer acknowledged them, so
/// an event survives a lost stream message or a dead silo.
/// </summary>
/// <remarks>
/// The reminder ticks every <see cref="ChangeEventOptions.RedeliveryPeriod"/> (a few seconds, so an event held up by a
/// crash is late by little more than that) but stays registered for <see cref="ChangeEventOptions.ReminderRetention"/>
/// at least: registering and removing it are durable writes, ticks are not, and a busy entity should not pay the
/// former per event.
/// </remarks>
public abstract class ChangeEventSourceGrain<TState>(
    IPersistentState<TState> persistentState,
    IOptions<ChangeEventOptions> options,
    ILogger logger) : Grain, IChangeEventSource, IRemindable
    where TState : class, IHasChangeOutbox
{
    private const string RedeliveryReminder = "change-redelivery";
    private DurableRetry? _redelivery;
    private IReadOnlyList<string>? _consumers;
    private bool _outboxTrimmedSinceWrite;

    /// <summary>The grain's state; mutate it, then <see cref="CommitAsync"/>.</summary>
    protected TState State => persistentState.State;

    /// <summary>Whether the state was ever written.</summary>
    protected bool RecordExists => persistentState.RecordExists;

    /// <summary>The outbox of this entity.</summary>
    protected ChangeOutbox Outbox => State.Outbox;

    /// <summary>The key of this entity's change stream (<see cref="ChangeStreams"/>), which also tells its kind.</summary>
    protected abstract string StreamKey { get; }

    // The consumers routed this entity's kind: an event is forgotten once these acknowledged it.
    private IReadOnlyList<string> Consumers => _consumers ??= ChangeEventRouting.ConsumersOf(ChangeStreams.NamespaceOf(StreamKey));

    // Storage holds events to redeliver, or acknowledged ones still to trim (a later activation would redeliver those).
    private bool StorageHoldsEvents => Outbox.Pending.Count > 0 || _outboxTrimmedSinceWrite;

    // The reminder republishes what is pending; there is no backoff, it ticks every RedeliveryPeriod.
    private DurableRetry Redelivery => _redelivery ??= new(this, RedeliveryReminder, options.Value.RedeliveryPeriod, RedeliverAsync, () => StorageHoldsEvents, logger);

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Outbox.Pending.Count > 0)
        {
            // A previous activation died (or deactivated) before every consumer acknowledged: make sure redelivery
            // keeps going even if nobody calls this grain again, and give the stream a first try now.
            await Redelivery.LookUpReminderAsync();
            await Redelivery.RegisterAsync();
            await RedeliverAsync();
        }
    }

    /// <inheritdoc />
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Redelivery.OnDeactivateAsync();

    /// <summary>
    /// Writes the mutated state, with <paramref name="change"/> appended to the outbox when given, then publishes the
    /// event. When the write fails the in-memory state is re-read from storage, so a failed call changes nothing.
    /// </summary>
    /// <remarks>
    /// The first event of an activation also registers the redelivery reminder, concurrently with the state write
    /// rather than before it: both go to the same storage (in the embedded profile the same SQLite group commit), so
    /// the call waits for one round of durable writes, not two, and still returns only once both are durable — an
    /// event a crash leaves unacknowledged is always found by the reminder. The state write decides the call's outcome:
    /// a registration that failed beside a successful write does not fail the call, but until one holds, the
    /// <see cref="DurableRetry"/> stand-in timer republishes what is pending and retries the registration every period,
    /// since the event is durable with nothing else to redeliver it should its first publication be lost.
    /// </remarks>
    protected async Task CommitAsync(ChangeEvent? change = null)
    {
        var arming = Task.CompletedTask;
        try
        {
            if (change is not null)
            {
                change = change with { TraceParent = Activity.Current?.Id, Source = this.GetGrainId() };
                Outbox.Append(change);
                arming = Redelivery.RegisterOrStandInAsync();
            }

            await persistentState.WriteStateAsync();
            _outboxTrimmedSinceWrite = false;
        }
        catch (Exception writeFailure)
        {
            logger.LogError(writeFailure, "Committing a change of {Grain} failed; reloading its state", this.GetGrainId());
            await ReloadStateAsync();
            await arming;
            throw;
        }

        await arming;
        if (change is not null)
        {
            await PublishAsync([change]);
        }
    }

    /// <summary>Builds the event for the next sequence number.</summary>
    protected long NextSequence => Outbox.NextSequence;

    /// <inheritdoc />
    public Task AcknowledgeAsync(string consumer, long sequence)
    {
        if (Outbox.Acknowledge(consumer, sequence, Consumers))
        {
            _outboxTrimmedSinceWrite = true;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<PendingChanges> GetPendingAsync(string consumer, long afterSequence) =>
        Task.FromResult(Outbox.PendingFor(consumer, afterSequence));

    /// <inheritdoc />
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != RedeliveryReminder)
        {
            return;
        }

        Redelivery.ReminderHeld();
        if (Outbox.Pending.Count > 0)
        {
            await RedeliverAsync();
            return;
        }

        // The first tick comes a period after the registration.
        if (status.CurrentTickTime - status.FirstTickTime + status.Period < options.Value.ReminderRetention)
        {
            return;
        }

        await Redelivery.UnregisterAsync();
        if (_outboxTrimmedSinceWrite)
        {
            // Drop acknowledged events from storage too, so a later activation does not redeliver them.
            await persistentState.WriteStateAsync();
            _outboxTrimmedSinceWrite = false;
        }
    }

    // Republished events say so, and carry their source even when they were stored before events had one.
    private Task RedeliverAsync() =>
        PublishAsync(Outbox.Pending.Select(e => e with { Source = this.GetGrainId(), Redelivered = true }).ToList());

    private async Task PublishAsync(IReadOnlyList<ChangeEvent> changes)
    {
        if (changes.Count == 0)
        {
            return;
        }

        try
        {
            var stream = this.GetStreamProvider(ChangeStreams.ProviderName).GetStream<ChangeEvent>(ChangeEventRouting.StreamOf(StreamKey));
            foreach (var change in changes)
            {
                await stream.OnNextAsync(change);
            }
        }
        catch (Exception publishFailure)
        {
            // The events are durable in the outbox; the redelivery reminder publishes them again.
            logger.LogWarning(publishFailure, "Publishing change events of {Grain} failed; they will be redelivered", this.GetGrainId());
        }
    }

    private async Task ReloadStateAsync()
    {
        try
        {
            await persistentState.ReadStateAsync();
        }
        catch (Exception readFailure)
        {
            logger.LogError(readFailure, "Reloading the state of {Grain} failed; deactivating it", this.GetGrainId());
            DeactivateOnIdle();
        }
    }
}
