using System.Text.Json.Serialization;

namespace ClarityConnect.Connectors.Salesforce;

/// <summary>The wire shape of a create: <c>201 {"id":"001...","errors":[],"success":true}</c>.</summary>
internal sealed record SalesforceCreateResult
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("success")]
    public bool Success { get; init; }

    [JsonPropertyName("errors")]
    public List<SalesforceError> Errors { get; init; } = [];
}
