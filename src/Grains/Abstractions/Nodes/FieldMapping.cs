namespace ClarityConnect.Abstractions.Nodes;

/// <summary>A queried field and the extra item its value is stored in.</summary>
[GenerateSerializer, Immutable]
public sealed record FieldMapping
{
    /// <summary>The CRM field, or a related field as <c>Object__r.FieldName</c> / <c>Relationship.Column</c>.</summary>
    [Id(0)] public required string Field { get; init; }
    /// <summary>The extra item that receives the value; null queries the field without storing it.</summary>
    [Id(1)] public string? ExtraItem { get; init; }
}
