using System.Diagnostics;
using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Connectors.Csi;
using ClarityConnect.Connectors.Telemetry;
using ClarityConnect.Grains.Integrations;
using ClarityConnect.Grains.Retries;
using ClarityConnect.Grains.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Storage;

namespace ClarityConnect.Grains.Csi;

/// <summary>
/// Batches change events to CSI so a busy contact center does not send a request per event. An event is stored before
/// it is acknowledged upstream, sent in order, removed only once CSI took it, and retried with backoff while CSI is
/// down (<see cref="DurableRetry"/>: a reminder carries on after a silo restart); while it waits, small probes find out when CSI answers again
/// (<see cref="CsiRetrySchedule"/>). Turning the toggle off drops what waits: nothing piles up.
/// </summary>
/// <remarks>
/// Reentrant with a single outstanding state write (Chirper's pattern): events that arrive while a write is in flight
/// are stored together by the next one, so the queue writes once per storage round trip rather than once per event,
/// and each caller still returns only once a write holding its event succeeded. One flush runs at a time; it is the
/// only code that removes events, always from the front, while enqueuing only appends; a batch leaves when it is full or
/// its oldest event has waited <see cref="CsiEventOptions.MaxBatchAge"/>.
/// </remarks>
[Reentrant]
public sealed class CsiEventQueueGrain(
    [PersistentState("csi-event-queue")] IPersistentState<CsiEventQueueState> state,
    CsiEventClient client,
    IntegrationSecrets secrets,
    IOptions<CsiEventOptions> options,
    TimeProvider time,
    ILogger<CsiEventQueueGrain> logger) : Grain, ICsiEventQueueGrain, IRemindable
{
    private const string ReminderName = "csi-events";
    private readonly CsiRetrySchedule _schedule = new(options.Value);
    private DurableRetry? _retry;
    private bool _flushing;
    private TaskCompletionSource? _nextWrite;
    private bool _writing;

    private List<CsiQueuedEvent> Pending => state.State.Pending;

    // No stand-in is needed: an event is accepted only once the reminder is registered, so a failed registration fails
    // the enqueue and its caller retries.
    private DurableRetry Retry => _retry ??= new(this, ReminderName, options.Value.ReminderPeriod, OnReminderTickAsync, () => Pending.Count > 0, logger);

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // The pending gauge counts what the queues active on this silo hold: an activation adds what it loaded and
        // takes away what it still holds when it goes, so the sum over silos stays right when a queue moves.
        IntegrationMetrics.CsiEventsPending.Add(Pending.Count);
        if (Pending.Count > 0)
        {
            // Stored events were accepted under a reminder that is still registered.
            Retry.ReminderHeld();
            ScheduleFlush(TimeSpan.Zero);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        IntegrationMetrics.CsiEventsPending.Add(-Pending.Count);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task EnqueueAsync(IReadOnlyList<CsiQueuedEvent> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        Pending.AddRange(changes);
        // Every caller waits for the registration (its own or the one in flight) before its event counts as accepted.
        await Retry.RegisterAsync();
        await SaveAsync();
        IntegrationMetrics.CsiEventsPending.Add(changes.Count);
        if (!Retry.AttemptScheduled && !_flushing)
        {
            ScheduleFlush(Pending.Count >= options.Value.MaxBatchSize ? TimeSpan.Zero : options.Value.MaxBatchAge);
        }
    }

    /// <inheritdoc />
    public Task<int> GetPendingCountAsync() => Task.FromResult(Pending.Count);

    /// <inheritdoc />
    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        Retry.ReminderHeld();
        return OnReminderTickAsync();
    }

    private Task OnReminderTickAsync()
    {
        if (Pending.Count > 0 && !Retry.AttemptScheduled && !_flushing)
        {
            ScheduleFlush(TimeSpan.Zero);
        }

        return Pending.Count == 0 ? StopReminderAsync() : Task.CompletedTask;
    }

    private void ScheduleFlush(TimeSpan delay) => Retry.Schedule(delay, FlushAsync);

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_flushing)
        {
            return;
        }

        _flushing = true;
        try
        {
            if (Pending.Count > 0 && _schedule.ProbeFirst(time.GetUtcNow()) && !await CsiAnswersAsync(cancellationToken))
            {
                return;
            }

            while (Pending.Count > 0)
            {
                // Events that arrived during the last request wait for companions until the oldest is due.
                var due = Pending[0].AcceptedAt + options.Value.MaxBatchAge - time.GetUtcNow();
                if (Pending.Count < options.Value.MaxBatchSize && due > TimeSpan.Zero)
                {
                    ScheduleFlush(due);
                    return;
                }

                if (await EndpointAsync() is not { } endpoint)
                {
                    logger.LogInformation("CSI change events are off; dropping {Count} waiting events", Pending.Count);
                    var dropped = Pending.Count;
                    Pending.Clear();
                    await SaveAsync();
                    IntegrationMetrics.CsiEventsPending.Add(-dropped);
                    IntegrationMetrics.CsiEventsDropped.Add(dropped);
                    break;
                }

                var batch = Pending.Take(options.Value.MaxBatchSize).ToList();
                using (var activity = ClarityConnectTelemetry.ActivitySource.StartActivity("csi send_events", ActivityKind.Client))
                {
                    activity?.SetTag("clarityconnect.csi.batch_size", batch.Count);
                    try
                    {
                        await client.SendAsync(endpoint, batch.Select(e => e.ToWire()).ToList(), cancellationToken);
                        IntegrationMetrics.CsiBatches.Add(1, new KeyValuePair<string, object?>(TelemetryTags.Outcome, "success"));
                    }
                    catch (CsiException failure)
                    {
                        var code = TelemetryErrors.TypeOf(failure);
                        activity?.SetStatus(ActivityStatusCode.Error, code);
                        IntegrationMetrics.CsiBatches.Add(1, new TagList { { TelemetryTags.Outcome, "failure" }, { TelemetryTags.ErrorType, code } });
                        var wait = _schedule.Failed(time.GetUtcNow());
                        logger.LogWarning("Sending {Count} change events to CSI failed ({Reason}); {Next} in {Delay}",
                            batch.Count, failure.Message, _schedule.ProbeFirst(time.GetUtcNow()) ? "probing CSI" : "retrying", wait);
                        ScheduleFlush(wait);
                        return;
                    }
                }

                _schedule.Succeeded();
                Pending.RemoveRange(0, batch.Count);
                await SaveAsync();
                IntegrationMetrics.CsiEventsPending.Add(-batch.Count);
                IntegrationMetrics.CsiEventsDelivered.Add(batch.Count);
            }
        }
        finally
        {
            _flushing = false;
        }

        await StopReminderAsync();
    }

    // Whether CSI answers a probe; if not, the next probe (or the retry, when its backoff elapses first) is scheduled.
    private async Task<bool> CsiAnswersAsync(CancellationToken cancellationToken)
    {
        if (await EndpointAsync() is not { } endpoint)
        {
            // Events were turned off meanwhile: the flush drops what waits.
            return true;
        }

        if (await client.ProbeAsync(endpoint, options.Value.ProbePeriod, cancellationToken))
        {
            _schedule.ProbeAnswered();
            logger.LogInformation("CSI answers again; sending {Count} waiting change events", Pending.Count);
            return true;
        }

        ScheduleFlush(_schedule.NextProbe(time.GetUtcNow()));
        return false;
    }

    // Where events go, or null when the integration, its toggle or its address and key are off or missing.
    private async Task<CsiEndpoint?> EndpointAsync()
    {
        var settings = await secrets.GetAsync<CsiSettings>(IntegrationNames.Csi);
        return settings is { Enabled: true, SendChangeEvents: true, InstanceAddress: { } address, DeveloperKey: { } key } ? new CsiEndpoint(address, key) : null;
    }

    // Completes once a state write that started after this call succeeded; at most one write is in flight.
    private Task SaveAsync()
    {
        var waiter = _nextWrite ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_writing)
        {
            _ = WriteAsync();
        }

        return waiter.Task;
    }

    private async Task WriteAsync()
    {
        _writing = true;
        try
        {
            while (_nextWrite is { } waiters)
            {
                _nextWrite = null;
                try
                {
                    await state.WriteStateAsync();
                    waiters.SetResult();
                }
                catch (Exception failure)
                {
                    waiters.SetException(failure);
                    if (failure is InconsistentStateException)
                    {
                        // Someone else wrote the row: take what is stored (its events were acknowledged by their writes).
                        await state.ReadStateAsync();
                    }
                }
            }
        }
        finally
        {
            _writing = false;
        }
    }

    private async Task StopReminderAsync()
    {
        if (Pending.Count > 0 || !Retry.HoldsReminder)
        {
            return;
        }

        await Retry.UnregisterAsync();
        if (Pending.Count > 0)
        {
            // An event arrived while the reminder was being removed: it must not wait without one.
            await Retry.RegisterAsync();
        }
    }
}
