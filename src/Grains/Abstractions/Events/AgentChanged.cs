using ClarityConnect.Abstractions.Agents;

namespace ClarityConnect.Abstractions.Events;

/// <summary>An agent's status changed. <see cref="ChangeEvent.AgentId"/> equals <see cref="ChangeEvent.EntityId"/>.</summary>
[GenerateSerializer, Immutable]
public sealed record AgentChanged : ChangeEvent
{
    /// <summary>The status before.</summary>
    [Id(0)] public AgentStatus OldStatus { get; init; }
    /// <summary>The status after.</summary>
    [Id(1)] public AgentStatus NewStatus { get; init; }
    /// <summary>The session involved, if any.</summary>
    [Id(2)] public string? SessionId { get; init; }

    /// <inheritdoc />
    public override string StreamKey => ChangeStreams.AgentKey(EntityId);
}
