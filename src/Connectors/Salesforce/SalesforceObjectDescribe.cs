using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace ClarityConnect.Connectors.Salesforce;

/// <summary>An object's describe (<c>GET /sobjects/{Object}/describe</c>): its name, label and fields.</summary>
public sealed record SalesforceObjectDescribe
{
    /// <summary>The API name, e.g. <c>Contact</c>.</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = string.Empty;

    /// <summary>The label shown to users.</summary>
    [JsonPropertyName("label")]
    public string Label { get; init; } = string.Empty;

    /// <summary>The three-character ID prefix; null for objects without one.</summary>
    [JsonPropertyName("keyPrefix")]
    public string? KeyPrefix { get; init; }

    /// <summary>True for custom objects.</summary>
    [JsonPropertyName("custom")]
    public bool Custom { get; init; }

    /// <summary>The object's fields.</summary>
    [JsonPropertyName("fields")]
    public IReadOnlyList<SalesforceFieldDescribe> Fields { get; init; } = [];

    /// <summary>Finds a field by API name, case-insensitively as SOQL does.</summary>
    public bool TryGetField(string name, [NotNullWhen(true)] out SalesforceFieldDescribe? field)
    {
        field = Fields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
        return field is not null;
    }

    /// <summary>Finds the reference field whose relationship name is <paramref name="relationshipName"/> (e.g. <c>Account</c> → <c>AccountId</c>).</summary>
    public bool TryGetRelationship(string relationshipName, [NotNullWhen(true)] out SalesforceFieldDescribe? field)
    {
        field = Fields.FirstOrDefault(f => string.Equals(f.RelationshipName, relationshipName, StringComparison.OrdinalIgnoreCase));
        return field is not null;
    }
}
