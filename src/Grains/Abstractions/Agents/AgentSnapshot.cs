namespace ClarityConnect.Abstractions.Agents;

/// <summary>An agent as the platform and the admin API see it.</summary>
[GenerateSerializer, Immutable]
public sealed record AgentSnapshot
{
    /// <summary>The agent id.</summary>
    [Id(0)] public required string AgentId { get; init; }
    /// <summary>The current status.</summary>
    [Id(1)] public AgentStatus Status { get; init; }
    /// <summary>The session offered to or handled by the agent.</summary>
    [Id(2)] public string? SessionId { get; init; }
    /// <summary>The caller context of that session.</summary>
    [Id(3)] public CallerContext? CallerContext { get; init; }
    /// <summary>The most recent status changes (up to 50), oldest first.</summary>
    [Id(4)] public IReadOnlyList<AgentTransition> RecentHistory { get; init; } = [];
    /// <summary>The sequence number of the latest <see cref="Events.AgentChanged"/> event.</summary>
    [Id(5)] public long EventSequence { get; init; }
}
