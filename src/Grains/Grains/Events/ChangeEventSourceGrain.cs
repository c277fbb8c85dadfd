using System.Diagnostics;
using ClarityConnect.Abstractions.Events;
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
    private bool _redeliveryArmed;
    private bool _outboxTrimmedSinceWrite;
    // Stands in for the reminder while registering it fails (see ObserveArmingAsync).
    private IGrainTimer? _armingRetry;

    /// <summary>The grain's state; mutate it, then <see cref="CommitAsync"/>.</summary>
    protected TState State => persistentState.State;

    /// <summary>Whether the state was ever written.</summary>
    protected bool RecordExists => persistentState.RecordExists;

    /// <summary>The outbox of this entity.</summary>
    protected ChangeOutbox Outbox => State.Outbox;

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Outbox.Pending.Count > 0)
        {
            // A previous activation died (or deactivated) before every consumer acknowledged: make sure redelivery
            // keeps going even if nobody calls this grain again, and give the stream a first try now.
            _redeliveryArmed = await this.GetReminder(RedeliveryReminder) is not null;
            await ArmRedeliveryAsync();
            await RedeliverAsync();
        }
    }

    /// <inheritdoc />
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_armingRetry is not null && Outbox.Pending.Count > 0)
        {
            // Last chance for the events the timer was keeping alive: a later activation finds them in any case,
            // but only the reminder makes one happen when nobody calls this entity again.
            await TryArmRedeliveryAsync();
        }
    }

    /// <summary>
    /// Writes the mutated state, with <paramref name="change"/> appended to the outbox when given, then publishes the
    /// event. When the write fails the in-memory state is re-read from storage, so a failed call changes nothing.
    /// </summary>
    /// <remarks>
    /// The first event of an activation also registers the redelivery reminder, concurrently with the state write
    /// rather than before it: both go to the same storage (in the embedded profile the same SQLite group commit), so
    /// the call waits for one round of durable writes, not two, and still returns only once both are durable — an
    /// event a crash leaves unacknowledged is always found by the reminder.
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
                arming = ArmRedeliveryAsync();
            }

            await persistentState.WriteStateAsync();
            _outboxTrimmedSinceWrite = false;
        }
        catch (Exception writeFailure)
        {
            logger.LogError(writeFailure, "Committing a change of {Grain} failed; reloading its state", this.GetGrainId());
            await ReloadStateAsync();
            await ObserveArmingAsync(arming);
            throw;
        }

        await ObserveArmingAsync(arming);
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
        if (Outbox.Acknowledge(consumer, sequence))
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

        _redeliveryArmed = true;
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

        if (await this.GetReminder(RedeliveryReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        _redeliveryArmed = false;
        if (_outboxTrimmedSinceWrite)
        {
            // Drop acknowledged events from storage too, so a later activation does not redeliver them.
            await persistentState.WriteStateAsync();
            _outboxTrimmedSinceWrite = false;
        }
    }

    private async Task ArmRedeliveryAsync()
    {
        if (_redeliveryArmed)
        {
            return;
        }

        var period = options.Value.RedeliveryPeriod;
        await this.RegisterOrUpdateReminder(RedeliveryReminder, period, period);
        _redeliveryArmed = true;
    }

    // The state write decides the call's outcome, so a registration that failed beside a successful write does not
    // fail the call. But the event is then durable with nothing to redeliver it should its first publication be lost
    // (the stream's queue died with a silo): until a registration succeeds, a timer that keeps the activation alive
    // stands in for the reminder, republishing what is pending and retrying the registration every period.
    private async Task ObserveArmingAsync(Task arming)
    {
        try
        {
            await arming;
        }
        catch (Exception failure)
        {
            logger.LogError(failure, "Registering the redelivery reminder of {Grain} failed; retrying it every period", this.GetGrainId());
            var period = options.Value.RedeliveryPeriod;
            _armingRetry ??= this.RegisterGrainTimer(
                _ => RetryArmingAsync(), new GrainTimerCreationOptions(period, period) { KeepAlive = true });
        }
    }

    private async Task RetryArmingAsync()
    {
        await RedeliverAsync();
        if (await TryArmRedeliveryAsync())
        {
            _armingRetry?.Dispose();
            _armingRetry = null;
        }
    }

    private async Task<bool> TryArmRedeliveryAsync()
    {
        try
        {
            await ArmRedeliveryAsync();
            return true;
        }
        catch (Exception failure)
        {
            logger.LogError(failure, "Registering the redelivery reminder of {Grain} failed again", this.GetGrainId());
            return false;
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
            var stream = this.GetStreamProvider(ChangeStreams.ProviderName)
                .GetStream<ChangeEvent>(StreamId.Create(ChangeStreams.Namespace, changes[0].StreamKey));
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
