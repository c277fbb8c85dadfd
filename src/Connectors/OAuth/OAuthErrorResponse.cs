using System.Text.Json.Serialization;

namespace ClarityConnect.Connectors.OAuth;

/// <summary>A token endpoint's error body: <c>{"error":"invalid_grant","error_description":"expired access/refresh token"}</c>.</summary>
public sealed record OAuthErrorResponse
{
    /// <summary><c>error</c>: the OAuth error code.</summary>
    [JsonPropertyName("error")]
    public string? Error { get; init; }

    /// <summary><c>error_description</c>: a human-readable explanation.</summary>
    [JsonPropertyName("error_description")]
    public string? ErrorDescription { get; init; }
}
