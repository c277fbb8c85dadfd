namespace ClarityConnect.Abstractions.Agents;

/// <summary>An instant message to the agent, e.g. the link of the caller's CRM record.</summary>
[GenerateSerializer, Immutable]
public sealed record InstantMessage
{
    /// <summary>The session it is about.</summary>
    [Id(0)] public string? SessionId { get; init; }
    /// <summary>The text, with any record link in it.</summary>
    [Id(1)] public required string Text { get; init; }
    /// <summary>The record link, when the message carries one.</summary>
    [Id(2)] public Uri? Link { get; init; }
    /// <summary>When it was sent.</summary>
    [Id(3)] public DateTimeOffset SentAt { get; init; }
}
