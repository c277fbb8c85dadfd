namespace ClarityConnect.Abstractions.Nodes;

/// <summary>The Advanced Lookup GUI's single condition: <c>Field Operator Value</c>, where the value may hold <c>{{ExtraItem}}</c> placeholders.</summary>
[GenerateSerializer, Immutable]
public sealed record WhereCondition
{
    /// <summary>A field of the primary object.</summary>
    [Id(0)] public required string Field { get; init; }
    /// <summary>The comparison.</summary>
    [Id(1)] public ConditionOperator Operator { get; init; }
    /// <summary>The value, literal or with <c>{{ExtraItem}}</c> placeholders; always compared as a string literal.</summary>
    [Id(2)] public required string Value { get; init; }
}
