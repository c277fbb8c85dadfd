namespace ClarityConnect.Abstractions.Agents;

/// <summary>A session offered to an agent, with what the console shows while it rings.</summary>
[GenerateSerializer, Immutable]
public sealed record SessionOffer
{
    /// <summary>The session.</summary>
    [Id(0)] public required string SessionId { get; init; }
    /// <summary>The queue it came from.</summary>
    [Id(1)] public string? Queue { get; init; }
    /// <summary>The caller context.</summary>
    [Id(2)] public required CallerContext CallerContext { get; init; }
}
