namespace ClarityConnect.Abstractions.Events;

/// <summary>What a change-event consumer has handled for one entity.</summary>
[GenerateSerializer, Immutable]
public sealed record ConsumerProgress
{
    /// <summary>The stream key (<c>session/…</c> or <c>agent/…</c>).</summary>
    [Id(0)] public required string StreamKey { get; init; }
    /// <summary>The highest sequence handled; every lower one was handled before it, in order.</summary>
    [Id(1)] public long HandledSequence { get; init; }
    /// <summary>How many events were handled.</summary>
    [Id(2)] public long HandledCount { get; init; }
    /// <summary>How many redelivered duplicates were dropped.</summary>
    [Id(3)] public long DuplicatesDropped { get; init; }
}
