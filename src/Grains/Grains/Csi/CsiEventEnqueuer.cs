using ClarityConnect.Abstractions.Events;
using ClarityConnect.Abstractions.Integrations;
using Microsoft.Extensions.Options;

namespace ClarityConnect.Grains.Csi;

/// <summary>
/// The CSI pusher's work for change events: when "Send Session &amp; Agent Change Events?" is on, put each event of a
/// batch into its entity's event queue (always the same one, so its order holds), with one call per queue; otherwise
/// nothing is kept.
/// </summary>
public sealed class CsiEventEnqueuer(IGrainFactory grains, IOptions<CsiEventOptions> options, TimeProvider time) : ICsiPushWork
{
    /// <inheritdoc />
    public Task HandleAsync(IReadOnlyList<ChangeEvent> changes, CsiSettings settings)
    {
        if (!settings.SendChangeEvents)
        {
            return Task.CompletedTask;
        }

        var queues = (uint)Math.Max(1, options.Value.Queues);
        return Task.WhenAll(changes
            .GroupBy(change => (uint)StableHash(change.StreamKey) % queues)
            .Select(queue => grains.GetGrain<ICsiEventQueueGrain>(queue.Key.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .EnqueueAsync(queue.Select(Queued).ToList())));
    }

    private CsiQueuedEvent Queued(ChangeEvent change) => change switch
    {
        SessionChanged session => new CsiQueuedEvent
        {
            IdempotencyKey = $"{session.StreamKey}/{session.Sequence}", Type = nameof(SessionChanged), EntityId = session.EntityId, Sequence = session.Sequence,
            Time = session.Time, OldStatus = session.OldStatus?.ToString(), NewStatus = session.NewStatus.ToString(), Queue = session.Queue,
            AgentId = session.AgentId, Channel = session.Channel.ToString(), AcceptedAt = time.GetUtcNow(),
        },
        AgentChanged agent => new CsiQueuedEvent
        {
            IdempotencyKey = $"{agent.StreamKey}/{agent.Sequence}", Type = nameof(AgentChanged), EntityId = agent.EntityId, Sequence = agent.Sequence,
            Time = agent.Time, OldStatus = agent.OldStatus.ToString(), NewStatus = agent.NewStatus.ToString(), Queue = agent.Queue,
            AgentId = agent.AgentId, SessionId = agent.SessionId, AcceptedAt = time.GetUtcNow(),
        },
        _ => throw new ArgumentException($"Unknown change event {change.GetType().Name}", nameof(change)),
    };

    // string.GetHashCode differs between processes; the queue of an entity must not.
    private static int StableHash(string value)
    {
        var hash = 17;
        foreach (var ch in value)
        {
            hash = unchecked(hash * 31 + ch);
        }

        return hash & int.MaxValue;
    }
}
