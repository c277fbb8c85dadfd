using System.Text.Json.Serialization;

namespace ClarityConnect.Connectors.Dataverse;

/// <summary>The Web API's error body: <c>{"error":{"code":"0x80040265","message":"..."}}</c>.</summary>
internal sealed record DataverseErrorEnvelope
{
    /// <summary><c>error</c>.</summary>
    [JsonPropertyName("error")]
    public DataverseError? Error { get; init; }
}
