using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ClarityConnect.Connectors.Salesforce;

/// <summary>The wire shape of <c>GET /search/?q=</c> since v36: <c>{"searchRecords":[...]}</c>.</summary>
internal sealed record SalesforceSearchResult
{
    [JsonPropertyName("searchRecords")]
    public List<JsonObject> SearchRecords { get; init; } = [];
}
