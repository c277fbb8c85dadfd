namespace ClarityConnect.Storage.Tests.EndToEnd;

/// <summary>Persistent state of <see cref="ReminderCounterGrain"/>.</summary>
[GenerateSerializer]
public sealed class CounterState
{
    [Id(0)]
    public string Name { get; set; } = string.Empty;

    [Id(1)]
    public int Ticks { get; set; }
}
