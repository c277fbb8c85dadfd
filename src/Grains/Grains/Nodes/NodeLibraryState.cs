using ClarityConnect.Abstractions.Nodes;

namespace ClarityConnect.Grains.Nodes;

/// <summary>The stored state of a <see cref="NodeLibraryGrain"/>.</summary>
[GenerateSerializer]
public sealed class NodeLibraryState
{
    /// <summary>The saved definitions, keyed by name (case-insensitive).</summary>
    [Id(0)] public Dictionary<string, SavedNode> Nodes { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
