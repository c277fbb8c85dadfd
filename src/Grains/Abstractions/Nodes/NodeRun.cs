namespace ClarityConnect.Abstractions.Nodes;

/// <summary>A node run recorded on the session (the Session Details page's lookups).</summary>
[GenerateSerializer, Immutable]
public sealed record NodeRun
{
    /// <summary>The node's id.</summary>
    [Id(0)] public required string NodeId { get; init; }
    /// <summary><c>CustomerLookup</c> or <c>AdvancedLookup</c>.</summary>
    [Id(1)] public required string Kind { get; init; }
    /// <summary>The integration queried.</summary>
    [Id(2)] public required string Integration { get; init; }
    /// <summary>When the node ran.</summary>
    [Id(3)] public DateTimeOffset At { get; init; }
    /// <summary>What it did.</summary>
    [Id(4)] public required NodeOutcome Outcome { get; init; }
}
