using ClarityConnect.Abstractions.Nodes;

namespace ClarityConnect.Grains.Crm;

/// <summary>A Customer Lookup match kept for a caller, to reuse in a later session.</summary>
[GenerateSerializer, Immutable]
public sealed record RememberedLookup
{
    /// <summary>When the records were found.</summary>
    [Id(0)] public DateTimeOffset FoundAt { get; init; }
    /// <summary>The session that found them.</summary>
    [Id(1)] public string? SessionId { get; init; }
    /// <summary>The records, the chosen one first.</summary>
    [Id(2)] public IReadOnlyList<CrmRecordLink> Records { get; init; } = [];
    /// <summary>The extra items the match set.</summary>
    [Id(3)] public IReadOnlyDictionary<string, string> ExtraItems { get; init; } = new Dictionary<string, string>();
}
