namespace ClarityConnect.Abstractions.Crm;

/// <summary>A field the Advanced Lookup builder offers: a field of the object, or with extended properties a related object's field as <c>Object__r.FieldName</c>.</summary>
[GenerateSerializer, Immutable]
public sealed record CrmFieldInfo
{
    /// <summary>The name to query, e.g. <c>Email</c> or <c>Account.Name</c>.</summary>
    [Id(0)] public required string Name { get; init; }
    /// <summary>The display label.</summary>
    [Id(1)] public string? Label { get; init; }
    /// <summary>The CRM's field type (<c>string</c>, <c>reference</c>, <c>phone</c>, …).</summary>
    [Id(2)] public string? Type { get; init; }
    /// <summary>For a reference field, the relationship name whose fields "Get Extended Properties" adds (e.g. <c>Account</c>, <c>Parent__r</c>).</summary>
    [Id(3)] public string? RelationshipName { get; init; }
    /// <summary>For a reference field, the object it points to.</summary>
    [Id(4)] public string? ReferenceTo { get; init; }
}
