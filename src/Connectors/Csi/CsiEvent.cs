namespace ClarityConnect.Connectors.Csi;

/// <summary>One session or agent change event as CSI receives it (format <c>clarityconnect.csi-events/1</c>, see docs/csi-events.md).</summary>
public sealed record CsiEvent
{
    /// <summary><c>{entityType}/{entityId}/{sequence}</c>: the same event always has the same key, so CSI can drop repeats.</summary>
    public required string IdempotencyKey { get; init; }
    /// <summary><c>SessionChanged</c> or <c>AgentChanged</c>.</summary>
    public required string Type { get; init; }
    /// <summary>The session or agent id.</summary>
    public required string EntityId { get; init; }
    /// <summary>The per-entity sequence number (1, 2, 3, … without gaps).</summary>
    public long Sequence { get; init; }
    /// <summary>When the change happened (UTC, ISO 8601).</summary>
    public DateTimeOffset Time { get; init; }
    /// <summary>The status before (null when a session is created).</summary>
    public string? OldStatus { get; init; }
    /// <summary>The status after.</summary>
    public required string NewStatus { get; init; }
    /// <summary>The queue, if any.</summary>
    public string? Queue { get; init; }
    /// <summary>The agent, if any.</summary>
    public string? AgentId { get; init; }
    /// <summary>For agent events, the session involved, if any.</summary>
    public string? SessionId { get; init; }
    /// <summary>For session events, <c>Voice</c> or <c>Chat</c>.</summary>
    public string? Channel { get; init; }
}
