using ClarityConnect.Abstractions.Sessions;

namespace ClarityConnect.Abstractions.Events;

/// <summary>A session's status changed (its creation is the event with <see cref="OldStatus"/> null).</summary>
[GenerateSerializer, Immutable]
public sealed record SessionChanged : ChangeEvent
{
    /// <summary>The status before; null when the session was created.</summary>
    [Id(0)] public SessionStatus? OldStatus { get; init; }
    /// <summary>The status after.</summary>
    [Id(1)] public SessionStatus NewStatus { get; init; }
    /// <summary>Voice or chat.</summary>
    [Id(2)] public SessionChannel Channel { get; init; }

    /// <inheritdoc />
    public override string StreamKey => ChangeStreams.SessionKey(EntityId);
}
