using System.Diagnostics;
using ClarityConnect.Abstractions.Events;
using ClarityConnect.Connectors.Telemetry;
using ClarityConnect.Grains.Agents;
using ClarityConnect.Grains.Sessions;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Streams;

namespace ClarityConnect.Grains.Events;

/// <summary>
/// The consumer half of change events for one entity (key = stream key). Handles events exactly in sequence order:
/// a duplicate is dropped, a gap is filled by asking the producer for what it still holds, and progress is stored
/// before the producer is told it may forget the events.
/// </summary>
public abstract class ChangeConsumerGrain(
    IPersistentState<ConsumerState> state,
    IEnumerable<IChangeEventHandler> handlers,
    ILogger logger) : Grain, IChangeConsumerGrain
{
    private IChangeEventHandler[] _handlers = [];

    /// <summary>The consumer's name (<see cref="ChangeConsumers"/>).</summary>
    protected abstract string ConsumerName { get; }

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _handlers = handlers.Where(h => h.Consumer == ConsumerName).ToArray();
        var stream = this.GetStreamProvider(ChangeStreams.ProviderName)
            .GetStream<ChangeEvent>(StreamId.Create(ChangeStreams.Namespace, this.GetPrimaryKeyString()));
        await stream.SubscribeAsync((change, _) => OnChangeAsync(change));
    }

    /// <inheritdoc />
    public Task<ConsumerProgress> GetProgressAsync() => Task.FromResult(new ConsumerProgress
    {
        StreamKey = this.GetPrimaryKeyString(),
        HandledSequence = state.State.HandledSequence,
        HandledCount = state.State.HandledCount,
        DuplicatesDropped = state.State.DuplicatesDropped,
    });

    private async Task OnChangeAsync(ChangeEvent change)
    {
        var progress = state.State;
        var source = SourceOf(change);
        if (change.Sequence <= progress.HandledSequence)
        {
            progress.DuplicatesDropped++;
            await AcknowledgeAsync(source, progress.HandledSequence);
            return;
        }

        var batch = change.Sequence == progress.HandledSequence + 1
            ? [change]
            : await source.GetPendingAsync(ConsumerName, progress.HandledSequence);
        var handledBefore = progress.HandledSequence;
        foreach (var next in batch.Where(e => e.Sequence > progress.HandledSequence).OrderBy(e => e.Sequence))
        {
            if (next.Sequence != progress.HandledSequence + 1)
            {
                logger.LogError("Change events of {Stream} after {Sequence} are missing at their producer; waiting for redelivery",
                    this.GetPrimaryKeyString(), progress.HandledSequence);
                break;
            }

            if (!await TryHandleAsync(next))
            {
                break;
            }

            progress.HandledSequence = next.Sequence;
            progress.HandledCount++;
        }

        if (progress.HandledSequence != handledBefore)
        {
            await state.WriteStateAsync();
            await AcknowledgeAsync(source, progress.HandledSequence);
        }
    }

    private async Task<bool> TryHandleAsync(ChangeEvent change)
    {
        using var activity = StartHandlingActivity(change);
        try
        {
            foreach (var handler in _handlers)
            {
                await handler.HandleAsync(change, CancellationToken.None);
            }

            return true;
        }
        catch (Exception failure)
        {
            logger.LogWarning(failure, "The {Consumer} consumer failed on event {Sequence} of {Stream}; it will be redelivered",
                ConsumerName, change.Sequence, this.GetPrimaryKeyString());
            activity?.SetStatus(ActivityStatusCode.Error, TelemetryErrors.TypeOf(failure));
            return false;
        }
    }

    // The event arrives from a stream delivery with a trace of its own: handling it continues the trace of the call
    // that made the change (carried in the event), and links to the delivery.
    private Activity? StartHandlingActivity(ChangeEvent change)
    {
        var name = "consume " + change.GetType().Name;
        var tags = new TagList { { TelemetryTags.Target, ConsumerName } };
        if (!ActivityContext.TryParse(change.TraceParent, null, out var parent))
        {
            return ClarityConnectTelemetry.ActivitySource.StartActivity(name, ActivityKind.Consumer, default(ActivityContext), tags);
        }

        var delivery = Activity.Current is { } current ? new[] { new ActivityLink(current.Context) } : null;
        return ClarityConnectTelemetry.ActivitySource.StartActivity(name, ActivityKind.Consumer, parent, tags, delivery);
    }

    private async Task AcknowledgeAsync(IChangeEventSource source, long sequence)
    {
        try
        {
            await source.AcknowledgeAsync(ConsumerName, sequence);
        }
        catch (Exception failure)
        {
            // The producer redelivers what it did not hear acknowledged; the duplicate is dropped and acknowledged then.
            logger.LogWarning(failure, "Acknowledging {Stream} up to {Sequence} failed", this.GetPrimaryKeyString(), sequence);
        }
    }

    private IChangeEventSource SourceOf(ChangeEvent change) => GrainFactory.GetGrain<IChangeEventSource>(change switch
    {
        SessionChanged => GrainId.Create(SessionGrain.GrainTypeName, change.EntityId),
        AgentChanged => GrainId.Create(AgentGrain.GrainTypeName, change.EntityId),
        _ => throw new ArgumentException($"Unknown change event {change.GetType().Name}", nameof(change)),
    });
}
