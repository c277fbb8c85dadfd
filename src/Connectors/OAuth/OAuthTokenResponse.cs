using System.Text.Json.Serialization;

namespace ClarityConnect.Connectors.OAuth;

/// <summary>A token endpoint's JSON answer. It carries the union of the fields Salesforce and Microsoft Entra ID send; absent fields are null.</summary>
public sealed record OAuthTokenResponse
{
    /// <summary><c>access_token</c>: the bearer token. Secret.</summary>
    [JsonPropertyName("access_token")]
    public string? AccessToken { get; init; }

    /// <summary><c>refresh_token</c>: present on the authorization-code grant (with the <c>refresh_token</c> scope). Secret.</summary>
    [JsonPropertyName("refresh_token")]
    public string? RefreshToken { get; init; }

    /// <summary><c>token_type</c>, normally <c>Bearer</c>.</summary>
    [JsonPropertyName("token_type")]
    public string? TokenType { get; init; }

    /// <summary><c>scope</c>: the granted scopes, space separated.</summary>
    [JsonPropertyName("scope")]
    public string? Scope { get; init; }

    /// <summary><c>expires_in</c> in seconds (Entra ID). Salesforce never sends it.</summary>
    [JsonPropertyName("expires_in")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public long? ExpiresIn { get; init; }

    /// <summary><c>instance_url</c> (Salesforce): the org's base URL for REST calls.</summary>
    [JsonPropertyName("instance_url")]
    public string? InstanceUrl { get; init; }

    /// <summary><c>id</c> (Salesforce): the identity URL <c>https://login.salesforce.com/id/{orgId}/{userId}</c>.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary><c>issued_at</c> (Salesforce): epoch milliseconds, sent as a string.</summary>
    [JsonPropertyName("issued_at")]
    public string? IssuedAt { get; init; }

    /// <summary><c>signature</c> (Salesforce): base64 HMAC-SHA256 of <c>id + issued_at</c> keyed with the consumer secret.</summary>
    [JsonPropertyName("signature")]
    public string? Signature { get; init; }

    /// <summary><c>id_token</c>, present with the <c>openid</c> scope.</summary>
    [JsonPropertyName("id_token")]
    public string? IdToken { get; init; }
}
