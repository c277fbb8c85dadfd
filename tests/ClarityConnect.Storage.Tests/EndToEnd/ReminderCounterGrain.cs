namespace ClarityConnect.Storage.Tests.EndToEnd;

/// <summary>Keeps a name and a reminder tick count in the silo's default grain storage.</summary>
public sealed class ReminderCounterGrain([PersistentState("counter")] IPersistentState<CounterState> state)
    : Grain, IReminderCounterGrain, IRemindable
{
    public const string ReminderName = "tick";

    public async Task SetNameAsync(string name)
    {
        state.State.Name = name;
        await state.WriteStateAsync();
    }

    public async Task StartTickingAsync(TimeSpan period)
        => await this.RegisterOrUpdateReminder(ReminderName, period, period);

    public Task<CounterSnapshot> GetAsync()
        => Task.FromResult(new CounterSnapshot(state.State.Name, state.State.Ticks, state.RecordExists));

    public async Task<bool> IsTickingAsync() => await this.GetReminder(ReminderName) is not null;

    public Task<string> GetSiloAsync() => Task.FromResult(RuntimeIdentity);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        state.State.Ticks++;
        await state.WriteStateAsync();
    }
}
