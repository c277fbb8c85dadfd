using System.Text.Json.Serialization;

namespace ClarityConnect.Connectors.OAuth;

/// <summary>Source-generated System.Text.Json metadata for the OAuth wire types.</summary>
[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(OAuthTokenResponse))]
[JsonSerializable(typeof(OAuthErrorResponse))]
public sealed partial class OAuthJsonContext : JsonSerializerContext;
