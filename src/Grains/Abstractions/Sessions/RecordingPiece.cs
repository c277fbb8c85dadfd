namespace ClarityConnect.Abstractions.Sessions;

/// <summary>One piece of a session's recording: the agent's stop/start buttons split a recording into several pieces.</summary>
[GenerateSerializer, Immutable]
public sealed record RecordingPiece
{
    /// <summary>1-based position of the piece within the session.</summary>
    [Id(0)] public int Number { get; init; }
    /// <summary>Where the audio file of this piece is stored (path or URL, relative to the platform's recordings root).</summary>
    [Id(1)] public required string Location { get; init; }
    /// <summary>When recording of this piece started.</summary>
    [Id(2)] public DateTimeOffset StartedAt { get; init; }
    /// <summary>When recording of this piece stopped; null while it is still recording.</summary>
    [Id(3)] public DateTimeOffset? StoppedAt { get; init; }
}
