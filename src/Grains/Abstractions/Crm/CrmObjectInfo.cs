namespace ClarityConnect.Abstractions.Crm;

/// <summary>An object (Salesforce sObject, Dataverse entity) the Advanced Lookup builder can query.</summary>
[GenerateSerializer, Immutable]
public sealed record CrmObjectInfo
{
    /// <summary>The API name, e.g. <c>Contact</c> or <c>contact</c>.</summary>
    [Id(0)] public required string Name { get; init; }
    /// <summary>The display label.</summary>
    [Id(1)] public string? Label { get; init; }
    /// <summary>Whether it is a custom object.</summary>
    [Id(2)] public bool Custom { get; init; }
}
