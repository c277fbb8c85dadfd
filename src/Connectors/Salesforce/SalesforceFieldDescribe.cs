using System.Text.Json.Serialization;

namespace ClarityConnect.Connectors.Salesforce;

/// <summary>One field of an object describe.</summary>
public sealed record SalesforceFieldDescribe
{
    /// <summary>The API name, e.g. <c>AccountId</c> or <c>Region__c</c>.</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = string.Empty;

    /// <summary>The label shown to users.</summary>
    [JsonPropertyName("label")]
    public string Label { get; init; } = string.Empty;

    /// <summary>The field type: <c>string</c>, <c>phone</c>, <c>email</c>, <c>reference</c>, <c>id</c>, <c>datetime</c>, <c>boolean</c>, …</summary>
    [JsonPropertyName("type")]
    public string Type { get; init; } = string.Empty;

    /// <summary>For reference fields, the objects it can point to; empty otherwise.</summary>
    [JsonPropertyName("referenceTo")]
    public IReadOnlyList<string> ReferenceTo { get; init; } = [];

    /// <summary>For reference fields, the name to traverse in SOQL (<c>AccountId</c> → <c>Account</c>, <c>Foo__c</c> → <c>Foo__r</c>); null otherwise.</summary>
    [JsonPropertyName("relationshipName")]
    public string? RelationshipName { get; init; }

    /// <summary>True when the field can appear in a WHERE clause.</summary>
    [JsonPropertyName("filterable")]
    public bool Filterable { get; init; }

    /// <summary>True when the field can be set on create.</summary>
    [JsonPropertyName("createable")]
    public bool Createable { get; init; }

    /// <summary>True for the object's name field (<c>Name</c>; <c>CaseNumber</c> on Case, <c>Subject</c> on Task): what a record
    /// is called in lists and links.</summary>
    [JsonPropertyName("nameField")]
    public bool NameField { get; init; }

    /// <summary>The maximum length of text fields; 0 for other types.</summary>
    [JsonPropertyName("length")]
    public int Length { get; init; }
}
