using ClarityConnect.Connectors.Csi;

namespace ClarityConnect.Grains.Csi;

/// <summary>The stored state of a <see cref="CsiEventQueueGrain"/>: accepted events not yet taken by CSI, oldest first.</summary>
[GenerateSerializer]
public sealed class CsiEventQueueState
{
    [Id(0)] public List<CsiQueuedEvent> Pending { get; set; } = [];
}

/// <summary>An event waiting for CSI, in the shape CSI receives.</summary>
[GenerateSerializer, Immutable]
public sealed record CsiQueuedEvent
{
    [Id(0)] public required string IdempotencyKey { get; init; }
    [Id(1)] public required string Type { get; init; }
    [Id(2)] public required string EntityId { get; init; }
    [Id(3)] public long Sequence { get; init; }
    [Id(4)] public DateTimeOffset Time { get; init; }
    [Id(5)] public string? OldStatus { get; init; }
    [Id(6)] public required string NewStatus { get; init; }
    [Id(7)] public string? Queue { get; init; }
    [Id(8)] public string? AgentId { get; init; }
    [Id(9)] public string? SessionId { get; init; }
    [Id(10)] public string? Channel { get; init; }
    [Id(11)] public DateTimeOffset AcceptedAt { get; init; }

    /// <summary>The wire form.</summary>
    public CsiEvent ToWire() => new()
    {
        IdempotencyKey = IdempotencyKey, Type = Type, EntityId = EntityId, Sequence = Sequence, Time = Time, OldStatus = OldStatus,
        NewStatus = NewStatus, Queue = Queue, AgentId = AgentId, SessionId = SessionId, Channel = Channel,
    };
}
