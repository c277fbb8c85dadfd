using System.Diagnostics;
using ClarityConnect.Abstractions.Events;
using ClarityConnect.Connectors.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Orleans.Streams;

namespace ClarityConnect.Grains.Events;

/// <summary>
/// The consumer half of change events for one entity (key = stream key). Handles events exactly in sequence order:
/// a duplicate is dropped, a gap is filled by asking the producer for what it still holds, and the producer is told
/// it may forget the events only once the handlers' work with them is durable.
/// </summary>
/// <remarks>
/// The consumer writes nothing: the producer's outbox is the source of truth until it hears an acknowledgement. The
/// handled sequence lives in memory; an activation that does not yet know it (a fresh one meeting a gap or a
/// redelivered event) asks the producer what this consumer acknowledged, so it neither redoes what the producer knows
/// is handled nor skips anything. Acknowledgements are batched: one call per <see cref="ChangeEventOptions.AcknowledgementDelay"/>
/// (and one when the activation ends) covers every event handled meanwhile, and one at once when the entity comes to rest
/// (<see cref="ChangeEventRest"/>), so a short life cycle costs one acknowledgement and no timer; an event that was handled but not yet
/// acknowledged when the consumer died comes again and is handled again, which handlers allow (at least once).
/// </remarks>
public abstract class ChangeConsumerGrain(
    string consumerName,
    IEnumerable<IChangeEventHandler> handlers,
    IOptions<ChangeEventOptions> options,
    ILogger logger) : Grain, IChangeConsumerGrain
{
    private readonly IChangeEventHandler[] _handlers = handlers as IChangeEventHandler[] ?? handlers.ToArray();
    private ConsumerProgressCounters _progress;
    // Whether the handled sequence is known to be at least what the producer holds as acknowledged by this consumer.
    private bool _knowsProducerPosition;
    private bool _acknowledgementDue;
    private GrainId _source;
    private IGrainTimer? _acknowledgementTimer;

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var stream = this.GetStreamProvider(ChangeStreams.ProviderName)
            .GetStream<ChangeEvent>(ChangeEventRouting.StreamOf(this.GetPrimaryKeyString()));
        await stream.SubscribeAsync((change, _) => OnChangeAsync(change));
    }

    /// <inheritdoc />
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => AcknowledgeAsync();

    /// <inheritdoc />
    /// <remarks>This activation's figures: the handled sequence as far as it has learnt it, counts since it started.</remarks>
    public Task<ConsumerProgress> GetProgressAsync() => Task.FromResult(new ConsumerProgress
    {
        StreamKey = this.GetPrimaryKeyString(),
        HandledSequence = _progress.HandledSequence,
        HandledCount = _progress.HandledCount,
        DuplicatesDropped = _progress.DuplicatesDropped,
    });

    private async Task OnChangeAsync(ChangeEvent change)
    {
        _source = change.Source;
        var next = _progress.HandledSequence + 1;
        if (change.Sequence < next)
        {
            // The producer republished what it has not heard acknowledged: say it again.
            _progress.DuplicatesDropped++;
            ScheduleAcknowledgement();
            return;
        }

        IReadOnlyList<ChangeEvent> batch;
        if (change.Sequence == next && (_knowsProducerPosition || !change.Redelivered))
        {
            // A first publication was made after the producer committed it, so nothing the producer holds as
            // acknowledged by this consumer can be at or above it.
            batch = [change];
        }
        else
        {
            var pending = await Source.GetPendingAsync(consumerName, _progress.HandledSequence);
            _progress.HandledSequence = Math.Max(_progress.HandledSequence, pending.Acknowledged);
            batch = pending.Events;
        }

        _knowsProducerPosition = true;
        var handledBefore = _progress.HandledSequence;
        foreach (var pendingChange in batch.Where(e => e.Sequence > _progress.HandledSequence).OrderBy(e => e.Sequence))
        {
            if (pendingChange.Sequence != _progress.HandledSequence + 1)
            {
                logger.LogError("Change events of {Stream} after {Sequence} are missing at their producer; waiting for redelivery",
                    this.GetPrimaryKeyString(), _progress.HandledSequence);
                break;
            }

            if (!await TryHandleAsync(pendingChange))
            {
                break;
            }

            _progress.HandledSequence = pendingChange.Sequence;
            _progress.HandledCount++;
        }

        if (_progress.HandledSequence == handledBefore)
        {
            return;
        }

        if (batch.MaxBy(e => e.Sequence) is { } latest && latest.Sequence == _progress.HandledSequence && ChangeEventRest.ComesToRest(latest))
        {
            // Nothing more is due soon from this entity: acknowledge now rather than pay a timer turn for it later.
            _acknowledgementDue = true;
            await AcknowledgeAsync();
            return;
        }

        ScheduleAcknowledgement();
    }

    private IChangeEventSource Source => GrainFactory.GetGrain<IChangeEventSource>(_source);

    private async Task<bool> TryHandleAsync(ChangeEvent change)
    {
        using var activity = StartHandlingActivity(change);
        var handler = _handlers.FirstOrDefault();
        try
        {
            foreach (var each in _handlers)
            {
                handler = each;
                await each.HandleAsync(change, CancellationToken.None);
            }

            return true;
        }
        catch (Exception failure)
        {
            logger.LogWarning(failure, "{Handler} of the {Consumer} consumer failed on event {Sequence} of {Stream}; it will be redelivered",
                handler?.GetType().Name, consumerName, change.Sequence, this.GetPrimaryKeyString());
            activity?.SetStatus(ActivityStatusCode.Error, TelemetryErrors.TypeOf(failure));
            return false;
        }
    }

    // The event arrives from a stream delivery with a trace of its own: handling it continues the trace of the call
    // that made the change (carried in the event), and links to the delivery.
    private Activity? StartHandlingActivity(ChangeEvent change)
    {
        var name = "consume " + change.GetType().Name;
        var tags = new TagList { { TelemetryTags.Target, consumerName } };
        if (!ActivityContext.TryParse(change.TraceParent, null, out var parent))
        {
            return ClarityConnectTelemetry.ActivitySource.StartActivity(name, ActivityKind.Consumer, default(ActivityContext), tags);
        }

        var delivery = Activity.Current is { } current ? new[] { new ActivityLink(current.Context) } : null;
        return ClarityConnectTelemetry.ActivitySource.StartActivity(name, ActivityKind.Consumer, parent, tags, delivery);
    }

    // One call acknowledges every event handled until the timer fires; the handled sequence only ever moves past an
    // event after its handlers returned, so what is acknowledged is durable.
    private void ScheduleAcknowledgement()
    {
        _acknowledgementDue = true;
        _acknowledgementTimer ??= this.RegisterGrainTimer(
            _ => AcknowledgeAsync(), new GrainTimerCreationOptions(options.Value.AcknowledgementDelay, Timeout.InfiniteTimeSpan));
    }

    private async Task AcknowledgeAsync()
    {
        _acknowledgementTimer?.Dispose();
        _acknowledgementTimer = null;
        if (!_acknowledgementDue || _source.IsDefault)
        {
            return;
        }

        var sequence = _progress.HandledSequence;
        try
        {
            _acknowledgementDue = false;
            await Source.AcknowledgeAsync(consumerName, sequence);
        }
        catch (Exception failure)
        {
            // The producer redelivers what it did not hear acknowledged; the duplicate is dropped and acknowledged then.
            logger.LogWarning(failure, "Acknowledging {Stream} up to {Sequence} failed", this.GetPrimaryKeyString(), sequence);
        }
    }

    // What GetProgressAsync reports; a struct, so a consumer activation holds three numbers and no state object.
    private struct ConsumerProgressCounters
    {
        public long HandledSequence;
        public long HandledCount;
        public long DuplicatesDropped;
    }
}
