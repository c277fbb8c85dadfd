using System.Text.Json.Serialization;

namespace ClarityConnect.Connectors.Dataverse;

/// <summary>The inner <c>error</c> object of a Web API error body.</summary>
internal sealed record DataverseError
{
    /// <summary><c>code</c>, e.g. <c>0x80040265</c>; often empty.</summary>
    [JsonPropertyName("code")]
    public string? Code { get; init; }

    /// <summary><c>message</c>.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; init; }
}
