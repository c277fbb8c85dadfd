namespace ClarityConnect.Storage.Tests.EndToEnd;

/// <summary>What <see cref="IReminderCounterGrain.GetAsync"/> returns.</summary>
[GenerateSerializer, Immutable]
public sealed record CounterSnapshot([property: Id(0)] string Name, [property: Id(1)] int Ticks, [property: Id(2)] bool RecordExists);
