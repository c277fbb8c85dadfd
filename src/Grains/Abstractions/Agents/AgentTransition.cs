namespace ClarityConnect.Abstractions.Agents;

/// <summary>One entry of an agent's recent status history.</summary>
[GenerateSerializer, Immutable]
public sealed record AgentTransition
{
    /// <summary>The status before.</summary>
    [Id(0)] public AgentStatus From { get; init; }
    /// <summary>The status after.</summary>
    [Id(1)] public AgentStatus To { get; init; }
    /// <summary>When.</summary>
    [Id(2)] public DateTimeOffset At { get; init; }
    /// <summary>The session involved, if any.</summary>
    [Id(3)] public string? SessionId { get; init; }
    /// <summary>Why, when given.</summary>
    [Id(4)] public string? Reason { get; init; }
}
