namespace ClarityConnect.Abstractions.Sessions;

/// <summary>One entry of a session's status history.</summary>
[GenerateSerializer, Immutable]
public sealed record SessionTransition
{
    /// <summary>The status before; null for the session's creation.</summary>
    [Id(0)] public SessionStatus? From { get; init; }
    /// <summary>The status after.</summary>
    [Id(1)] public SessionStatus To { get; init; }
    /// <summary>When it happened.</summary>
    [Id(2)] public DateTimeOffset At { get; init; }
    /// <summary>The queue at the time, if any.</summary>
    [Id(3)] public string? Queue { get; init; }
    /// <summary>The agent at the time, if any.</summary>
    [Id(4)] public string? AgentId { get; init; }
    /// <summary>Why, when the platform gave a reason (e.g. an abandon reason or a missed offer).</summary>
    [Id(5)] public string? Reason { get; init; }
}
