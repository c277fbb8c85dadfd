namespace ClarityConnect.Abstractions.Nodes;

/// <summary>A node definition saved under a name in the node library, for call-flow designers to copy from.</summary>
[GenerateSerializer, Immutable]
public sealed record SavedNode
{
    /// <summary>The name it was saved under (unique per CRM, case-insensitive).</summary>
    [Id(0)] public required string Name { get; init; }
    /// <summary>The definition, exactly as <see cref="Sessions.ISessionGrain.RunNodeAsync"/> takes it.</summary>
    [Id(1)] public required IntegrationNode Node { get; init; }
    /// <summary>When it was saved.</summary>
    [Id(2)] public DateTimeOffset SavedAt { get; init; }
}
