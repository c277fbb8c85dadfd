using ClarityConnect.Abstractions.Events;

namespace ClarityConnect.Grains.Events;

/// <summary>Where one consumer stands at a producer: what it acknowledged, and the events after that it still owes.</summary>
[GenerateSerializer, Immutable]
public sealed record PendingChanges
{
    /// <summary>The highest sequence the consumer acknowledged (as far as the producer knows; 0 when none).</summary>
    [Id(0)] public long Acknowledged { get; init; }

    /// <summary>The events after the requested sequence that the consumer has not acknowledged, in order.</summary>
    [Id(1)] public List<ChangeEvent> Events { get; init; } = [];
}
