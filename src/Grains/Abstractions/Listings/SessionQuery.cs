using ClarityConnect.Abstractions.Sessions;

namespace ClarityConnect.Abstractions.Listings;

/// <summary>Filters of the session listing; every filter given must match.</summary>
[GenerateSerializer, Immutable]
public sealed record SessionQuery : PageRequest
{
    /// <summary>Only sessions in this status.</summary>
    [Id(0)] public SessionStatus? Status { get; init; }

    /// <summary>Only voice calls or only chats.</summary>
    [Id(1)] public SessionChannel? Channel { get; init; }

    /// <summary>Only sessions whose latest queue is this one (exact name).</summary>
    [Id(2)] public string? Queue { get; init; }

    /// <summary>Only sessions whose latest agent is this one.</summary>
    [Id(3)] public string? AgentId { get; init; }

    /// <summary>Only sessions started at or after this time.</summary>
    [Id(4)] public DateTimeOffset? StartedFrom { get; init; }

    /// <summary>Only sessions started before this time.</summary>
    [Id(5)] public DateTimeOffset? StartedBefore { get; init; }
}
