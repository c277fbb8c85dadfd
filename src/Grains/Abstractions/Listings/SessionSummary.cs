using ClarityConnect.Abstractions.Sessions;

namespace ClarityConnect.Abstractions.Listings;

/// <summary>A session's line in the session listing; no caller data.</summary>
[GenerateSerializer, Immutable]
public sealed record SessionSummary
{
    /// <summary>The session id.</summary>
    [Id(0)] public required string SessionId { get; init; }

    /// <summary>Voice or chat.</summary>
    [Id(1)] public SessionChannel Channel { get; init; }

    /// <summary>The status after the latest change.</summary>
    [Id(2)] public SessionStatus Status { get; init; }

    /// <summary>The latest queue, if any.</summary>
    [Id(3)] public string? Queue { get; init; }

    /// <summary>The latest agent, if any.</summary>
    [Id(4)] public string? AgentId { get; init; }

    /// <summary>When the session started.</summary>
    [Id(5)] public DateTimeOffset StartedAt { get; init; }

    /// <summary>When the latest change happened.</summary>
    [Id(6)] public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The sequence number of the latest change (later changes win).</summary>
    [Id(7)] public long Sequence { get; init; }
}
