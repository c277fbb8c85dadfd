using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ClarityConnect.Connectors.Salesforce;

/// <summary>One page of a SOQL query result (<c>GET /query?q=</c> or <c>GET {nextRecordsUrl}</c>).</summary>
public sealed record SalesforceQueryPage
{
    /// <summary>How many records the whole query matches.</summary>
    [JsonPropertyName("totalSize")]
    public int TotalSize { get; init; }

    /// <summary>True when this is the last page.</summary>
    [JsonPropertyName("done")]
    public bool Done { get; init; }

    /// <summary>The relative URL of the next page (<c>/services/data/vXX.X/query/{locator}-{offset}</c>); null when <see cref="Done"/>.</summary>
    [JsonPropertyName("nextRecordsUrl")]
    public string? NextRecordsUrl { get; init; }

    /// <summary>The records of this page (up to 2,000), each with its <c>attributes</c> and the selected fields;
    /// relationship fields are nested objects (<c>"Account": {"Name": ...}</c>) or null.</summary>
    [JsonPropertyName("records")]
    public IReadOnlyList<JsonObject> Records { get; init; } = [];
}
