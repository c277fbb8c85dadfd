namespace ClarityConnect.Abstractions.Events;

/// <summary>
/// A status change of a session or agent. <see cref="Sequence"/> counts 1, 2, 3, … per entity with no gaps and is the
/// idempotency key downstream: consumers drop an event whose sequence they have already handled.
/// </summary>
[GenerateSerializer, Immutable]
public abstract record ChangeEvent
{
    /// <summary>The session or agent id.</summary>
    [Id(0)] public required string EntityId { get; init; }
    /// <summary>The per-entity sequence number, starting at 1.</summary>
    [Id(1)] public long Sequence { get; init; }
    /// <summary>When the change happened.</summary>
    [Id(2)] public DateTimeOffset Time { get; init; }
    /// <summary>The queue at the time, if any.</summary>
    [Id(3)] public string? Queue { get; init; }
    /// <summary>The agent (for a session) at the time, if any.</summary>
    [Id(4)] public string? AgentId { get; init; }
    /// <summary>
    /// The W3C trace context (<c>traceparent</c>) of the call that made the change, when it was traced: consumers
    /// continue that trace, so a session's export shows up in the trace of the call that completed it. Telemetry only;
    /// it is not part of any event sent to other systems.
    /// </summary>
    [Id(5)] public string? TraceParent { get; init; }
    /// <summary>
    /// The grain that produced the event and holds it in its outbox until every consumer acknowledged it (set by the
    /// producer when it commits the event). Consumers call it back by this id to fill a gap and to acknowledge, so
    /// no consumer needs to know which grain types produce events.
    /// </summary>
    [Id(6)] public GrainId Source { get; init; }
    /// <summary>
    /// Whether the producer published this event again (after a crash or a missing acknowledgement) rather than right
    /// after committing it: a consumer that does not yet know how far it got asks the producer before handling it.
    /// </summary>
    [Id(7)] public bool Redelivered { get; init; }

    /// <summary>The key of the entity's change stream and of its consumer grains, e.g. <c>session/42</c>.</summary>
    public abstract string StreamKey { get; }
}
