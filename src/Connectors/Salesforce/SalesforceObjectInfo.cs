using System.Text.Json.Serialization;

namespace ClarityConnect.Connectors.Salesforce;

/// <summary>One object of the global describe (<c>GET /sobjects/</c>).</summary>
public sealed record SalesforceObjectInfo
{
    /// <summary>The API name, e.g. <c>Contact</c> or <c>Invoice__c</c>.</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = string.Empty;

    /// <summary>The label shown to users.</summary>
    [JsonPropertyName("label")]
    public string Label { get; init; } = string.Empty;

    /// <summary>The three-character ID prefix, e.g. <c>003</c> for Contact; null for objects without one.</summary>
    [JsonPropertyName("keyPrefix")]
    public string? KeyPrefix { get; init; }

    /// <summary>True when SOQL can query the object.</summary>
    [JsonPropertyName("queryable")]
    public bool Queryable { get; init; }

    /// <summary>True when SOSL can search the object.</summary>
    [JsonPropertyName("searchable")]
    public bool Searchable { get; init; }

    /// <summary>True when records can be created.</summary>
    [JsonPropertyName("createable")]
    public bool Createable { get; init; }

    /// <summary>True for custom objects (<c>__c</c>).</summary>
    [JsonPropertyName("custom")]
    public bool Custom { get; init; }
}
