namespace ClarityConnect.Storage.Tests.EndToEnd;

/// <summary>A grain with persistent state and a reminder, to prove a profile keeps both across silo restarts.</summary>
public interface IReminderCounterGrain : IGrainWithStringKey
{
    /// <summary>Stores <paramref name="name"/> in the grain's persistent state.</summary>
    Task SetNameAsync(string name);

    /// <summary>Registers the <c>tick</c> reminder; each tick adds one to the persisted tick count.</summary>
    Task StartTickingAsync(TimeSpan period);

    /// <summary>The persisted state as the grain sees it.</summary>
    Task<CounterSnapshot> GetAsync();

    /// <summary>Whether the <c>tick</c> reminder is registered.</summary>
    Task<bool> IsTickingAsync();

    /// <summary>The silo the grain is active on.</summary>
    Task<string> GetSiloAsync();
}
