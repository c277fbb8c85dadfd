namespace ClarityConnect.Abstractions.Agents;

/// <summary>A CRM record the Agent Console should open.</summary>
[GenerateSerializer, Immutable]
public sealed record ScreenPop
{
    /// <summary>The session the record belongs to.</summary>
    [Id(0)] public required string SessionId { get; init; }
    /// <summary>The record to open.</summary>
    [Id(1)] public required Nodes.CrmRecordLink Record { get; init; }
    /// <summary>True when the console should open it by itself (the node's auto-open on accept).</summary>
    [Id(2)] public bool AutoOpen { get; init; }
}
