namespace ClarityConnect.Abstractions.Sessions;

/// <summary>One message of a chat session's transcript.</summary>
[GenerateSerializer, Immutable]
public sealed record TranscriptMessage
{
    /// <summary>Who wrote it: <c>customer</c>, <c>agent</c>, <c>system</c> or a bot's name.</summary>
    [Id(0)] public required string Sender { get; init; }
    /// <summary>The message text.</summary>
    [Id(1)] public required string Text { get; init; }
    /// <summary>When it was sent.</summary>
    [Id(2)] public DateTimeOffset SentAt { get; init; }
}
