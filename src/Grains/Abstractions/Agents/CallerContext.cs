using ClarityConnect.Abstractions.Nodes;

namespace ClarityConnect.Abstractions.Agents;

/// <summary>The Agent Console's Caller Context tab for the session being offered or handled.</summary>
[GenerateSerializer, Immutable]
public sealed record CallerContext
{
    /// <summary>The session.</summary>
    [Id(0)] public required string SessionId { get; init; }
    /// <summary>The caller's phone number or SIP address, as received.</summary>
    [Id(1)] public string? Caller { get; init; }
    /// <summary>The caller ID name.</summary>
    [Id(2)] public string? CallerIdName { get; init; }
    /// <summary>The queue.</summary>
    [Id(3)] public string? Queue { get; init; }
    /// <summary>CRM records found for the caller; every candidate when several share the caller's number.</summary>
    [Id(4)] public IReadOnlyList<CrmRecordLink> Records { get; init; } = [];
}
