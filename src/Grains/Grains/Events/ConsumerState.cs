namespace ClarityConnect.Grains.Events;

/// <summary>The stored progress of a change-event consumer for one entity.</summary>
[GenerateSerializer]
public sealed class ConsumerState
{
    [Id(0)] public long HandledSequence { get; set; }
    [Id(1)] public long HandledCount { get; set; }
    [Id(2)] public long DuplicatesDropped { get; set; }
}
