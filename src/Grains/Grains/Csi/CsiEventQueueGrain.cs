using System.Diagnostics;
using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Connectors.Csi;
using ClarityConnect.Connectors.Telemetry;
using ClarityConnect.Grains.Integrations;
using ClarityConnect.Grains.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClarityConnect.Grains.Csi;

/// <summary>
/// Batches change events to CSI so a busy contact center does not send a request per event. An event is stored before
/// it is acknowledged upstream, sent in order, removed only once CSI took it, and retried with backoff while CSI is
/// down (a reminder carries on after a silo restart). Turning the toggle off drops what waits: nothing piles up.
/// </summary>
public sealed class CsiEventQueueGrain(
    [PersistentState("csi-event-queue")] IPersistentState<CsiEventQueueState> state,
    CsiEventClient client,
    IntegrationSecrets secrets,
    IOptions<CsiEventOptions> options,
    ILogger<CsiEventQueueGrain> logger) : Grain, ICsiEventQueueGrain, IRemindable
{
    private const string ReminderName = "csi-events";
    private IGrainTimer? _flushTimer;
    private int _failures;

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // The pending gauge counts what the queues active on this silo hold: an activation adds what it loaded and
        // takes away what it still holds when it goes, so the sum over silos stays right when a queue moves.
        IntegrationMetrics.CsiEventsPending.Add(state.State.Pending.Count);
        if (state.State.Pending.Count > 0)
        {
            ScheduleFlush(TimeSpan.Zero);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        IntegrationMetrics.CsiEventsPending.Add(-state.State.Pending.Count);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task EnqueueAsync(CsiQueuedEvent change)
    {
        if (state.State.Pending.Count == 0)
        {
            await this.RegisterOrUpdateReminder(ReminderName, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        }

        state.State.Pending.Add(change);
        await state.WriteStateAsync();
        IntegrationMetrics.CsiEventsPending.Add(1);
        if (_flushTimer is null)
        {
            ScheduleFlush(state.State.Pending.Count >= options.Value.MaxBatchSize ? TimeSpan.Zero : options.Value.MaxBatchAge);
        }
    }

    /// <inheritdoc />
    public Task<int> GetPendingCountAsync() => Task.FromResult(state.State.Pending.Count);

    /// <inheritdoc />
    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (state.State.Pending.Count > 0 && _flushTimer is null)
        {
            ScheduleFlush(TimeSpan.Zero);
        }

        return state.State.Pending.Count == 0 ? StopReminderAsync() : Task.CompletedTask;
    }

    private void ScheduleFlush(TimeSpan delay) =>
        _flushTimer = this.RegisterGrainTimer(FlushAsync, new GrainTimerCreationOptions(delay, Timeout.InfiniteTimeSpan) { KeepAlive = true });

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        using var firing = _flushTimer;
        _flushTimer = null;
        while (state.State.Pending.Count > 0)
        {
            var settings = await secrets.GetAsync<CsiSettings>(IntegrationNames.Csi);
            if (!settings.Enabled || !settings.SendChangeEvents || settings.InstanceAddress is null || settings.DeveloperKey is null)
            {
                logger.LogInformation("CSI change events are off; dropping {Count} waiting events", state.State.Pending.Count);
                var dropped = state.State.Pending.Count;
                state.State.Pending.Clear();
                await state.WriteStateAsync();
                IntegrationMetrics.CsiEventsPending.Add(-dropped);
                IntegrationMetrics.CsiEventsDropped.Add(dropped);
                break;
            }

            var batch = state.State.Pending.Take(options.Value.MaxBatchSize).ToList();
            using var activity = ClarityConnectTelemetry.ActivitySource.StartActivity("csi send_events", ActivityKind.Client);
            activity?.SetTag("clarityconnect.csi.batch_size", batch.Count);
            try
            {
                await client.SendAsync(new CsiEndpoint(settings.InstanceAddress, settings.DeveloperKey), batch.Select(e => e.ToWire()).ToList(), cancellationToken);
                IntegrationMetrics.CsiBatches.Add(1, new KeyValuePair<string, object?>(TelemetryTags.Outcome, "success"));
            }
            catch (CsiException failure)
            {
                var code = TelemetryErrors.TypeOf(failure);
                activity?.SetStatus(ActivityStatusCode.Error, code);
                IntegrationMetrics.CsiBatches.Add(1, new TagList { { TelemetryTags.Outcome, "failure" }, { TelemetryTags.ErrorType, code } });
                _failures++;
                var delay = TimeSpan.FromMilliseconds(Math.Min(
                    options.Value.FirstRetryDelay.TotalMilliseconds * Math.Pow(2, _failures - 1),
                    options.Value.MaxRetryDelay.TotalMilliseconds));
                logger.LogWarning("Sending {Count} change events to CSI failed ({Reason}); retrying in {Delay}", batch.Count, failure.Message, delay);
                ScheduleFlush(delay);
                return;
            }

            _failures = 0;
            state.State.Pending.RemoveRange(0, batch.Count);
            await state.WriteStateAsync();
            IntegrationMetrics.CsiEventsPending.Add(-batch.Count);
            IntegrationMetrics.CsiEventsDelivered.Add(batch.Count);
        }

        await StopReminderAsync();
    }

    private async Task StopReminderAsync()
    {
        if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }
}
