using ClarityConnect.Abstractions.Sessions;

namespace ClarityConnect.Simulator.Sessions;

/// <summary>One step of a simulated conversation, with the pause before it and what it carries.</summary>
public sealed record ConversationStep
{
    /// <summary>What happens.</summary>
    public required ConversationStepKind Kind { get; init; }

    /// <summary>The pause before the step, in units of the think time.</summary>
    public double Pause { get; init; } = 1;

    /// <summary>For <see cref="ConversationStepKind.StartRecording"/>: where the piece's audio goes.</summary>
    public string? RecordingLocation { get; init; }

    /// <summary>For <see cref="ConversationStepKind.Message"/>: the message (its time is set when it is sent).</summary>
    public TranscriptMessage? Message { get; init; }

    /// <summary>For <see cref="ConversationStepKind.SetExtraItems"/>: the call variables.</summary>
    public IReadOnlyDictionary<string, string>? ExtraItems { get; init; }

    /// <summary>For <see cref="ConversationStepKind.SetWrapUpDetails"/>: the notes so far.</summary>
    public WrapUpDetails? WrapUp { get; init; }
}
