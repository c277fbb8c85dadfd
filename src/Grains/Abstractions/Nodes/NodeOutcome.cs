namespace ClarityConnect.Abstractions.Nodes;

/// <summary>What running a node did.</summary>
[GenerateSerializer, Immutable]
public sealed record NodeOutcome
{
    /// <summary>The exit taken.</summary>
    [Id(0)] public NodeExit Exit { get; init; }
    /// <summary>The extra items the node set on the session.</summary>
    [Id(1)] public IReadOnlyDictionary<string, string> ExtraItemsSet { get; init; } = new Dictionary<string, string>();
    /// <summary>Why the exit was taken when it is a no-match / no-results exit (disabled integration, error, timeout, nothing found).</summary>
    [Id(2)] public string? Reason { get; init; }
    /// <summary>The records found, for the agent's caller context; the first is the one the session is linked to.</summary>
    [Id(3)] public IReadOnlyList<CrmRecordLink> Records { get; init; } = [];
    /// <summary>True when the record was reused from an earlier session without calling the CRM.</summary>
    [Id(4)] public bool ReusedEarlierRecord { get; init; }
}
