using System.Text.Json.Serialization;

namespace ClarityConnect.Connectors.Salesforce;

/// <summary>One entry of Salesforce's REST error array: <c>[{"message":"...","errorCode":"...","fields":[...]}]</c>.</summary>
public sealed record SalesforceError
{
    /// <summary>The human-readable message (for query errors it quotes the query and points at the column).</summary>
    [JsonPropertyName("message")]
    public string Message { get; init; } = string.Empty;

    /// <summary>The error code, e.g. <c>INVALID_FIELD</c>, <c>MALFORMED_QUERY</c>, <c>REQUEST_LIMIT_EXCEEDED</c>.</summary>
    [JsonPropertyName("errorCode")]
    public string ErrorCode { get; init; } = string.Empty;

    /// <summary>The fields the error is about, when Salesforce says.</summary>
    [JsonPropertyName("fields")]
    public IReadOnlyList<string>? Fields { get; init; }
}
