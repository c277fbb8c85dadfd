using Microsoft.Extensions.Logging;

namespace ClarityConnect.Grains.Crm;

/// <summary>Remembers a caller's last Customer Lookup match so a lookup with fresh lookup off can reuse it without calling the CRM.</summary>
public sealed class CallerRecordGrain(
    [PersistentState("caller-record")] IPersistentState<CallerRecordState> state,
    TimeProvider time,
    ILogger<CallerRecordGrain> logger) : Grain, ICallerRecordGrain
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
        // Two lookups of one caller may finish out of order; the later find stands.
        if (state.RecordExists && lookup.FoundAt < state.State.FoundAt)
        {
            return;
        }

        state.State.FoundAt = lookup.FoundAt;
        state.State.SessionId = lookup.SessionId;
        state.State.Records = lookup.Records.ToList();
        state.State.ExtraItems = new Dictionary<string, string>(lookup.ExtraItems);
        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception failure)
        {
            // The call is one-way, so nobody else hears of this; the match stands, only a later session's reuse is lost.
            logger.LogWarning(failure, "Remembering a Customer Lookup match of session {SessionId} failed", lookup.SessionId);
        }
    }
}
