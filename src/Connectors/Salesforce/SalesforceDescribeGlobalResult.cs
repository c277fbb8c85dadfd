using System.Text.Json.Serialization;

namespace ClarityConnect.Connectors.Salesforce;

/// <summary>The wire shape of <c>GET /sobjects/</c>: <c>{"encoding":"UTF-8","maxBatchSize":200,"sobjects":[...]}</c>.</summary>
internal sealed record SalesforceDescribeGlobalResult
{
    [JsonPropertyName("sobjects")]
    public List<SalesforceObjectInfo> SObjects { get; init; } = [];
}
