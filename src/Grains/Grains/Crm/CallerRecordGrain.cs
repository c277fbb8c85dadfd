namespace ClarityConnect.Grains.Crm;

/// <summary>Remembers a caller's last Customer Lookup match so a lookup with fresh lookup off can reuse it without calling the CRM.</summary>
public sealed class CallerRecordGrain(
    [PersistentState("caller-record")] IPersistentState<CallerRecordState> state,
    TimeProvider time) : Grain, ICallerRecordGrain
{
    /// <inheritdoc />
    public Task<RememberedLookup?> GetRecentAsync(TimeSpan maxAge) => Task.FromResult(
        state.RecordExists && state.State.Records.Count > 0 && time.GetUtcNow() - state.State.FoundAt <= maxAge
            ? new RememberedLookup
            {
                FoundAt = state.State.FoundAt,
                SessionId = state.State.SessionId,
                Records = state.State.Records.ToList(),
                ExtraItems = new Dictionary<string, string>(state.State.ExtraItems),
            }
            : null);

    /// <inheritdoc />
    public async Task RememberAsync(RememberedLookup lookup)
    {
        state.State.FoundAt = lookup.FoundAt;
        state.State.SessionId = lookup.SessionId;
        state.State.Records = lookup.Records.ToList();
        state.State.ExtraItems = new Dictionary<string, string>(lookup.ExtraItems);
        await state.WriteStateAsync();
    }
}
