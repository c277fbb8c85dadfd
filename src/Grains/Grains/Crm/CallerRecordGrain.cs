using Microsoft.Extensions.Logging;

namespace ClarityConnect.Grains.Crm;

/// <summary>Remembers a caller's last Customer Lookup match so a lookup with fresh lookup off can reuse it without calling the CRM.</summary>
public sealed class CallerRecordGrain(
    [PersistentState("caller-record")] IPersistentState<CallerRecordState> state,
    TimeProvider time,
    ILogger<CallerRecordGrain> logger) : Grain, ICallerRecordGrain
{
    /// <summary>
    /// How long after its stored find a fresh lookup that finds the same match again only refreshes it in memory: the
    /// write would store the same match with a newer time (one durable write per repeat caller's lookup). A lost
    /// activation forgets at most this much of the match's age, against reuse windows of days (DaysToGoBack).
    /// </summary>
    public static readonly TimeSpan RewriteAfter = TimeSpan.FromHours(1);

    // When the stored match was found; FoundAt in memory may be later (a same match refreshed without a write).
    private DateTimeOffset? _storedFoundAt;

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

        var storedFoundAt = _storedFoundAt ??= state.State.FoundAt;
        var sameMatch = state.RecordExists && SameMatch(lookup);
        state.State.FoundAt = lookup.FoundAt;
        state.State.SessionId = lookup.SessionId;
        if (sameMatch && lookup.FoundAt - storedFoundAt < RewriteAfter)
        {
            return;
        }

        state.State.Records = lookup.Records.ToList();
        state.State.ExtraItems = new Dictionary<string, string>(lookup.ExtraItems);
        try
        {
            await state.WriteStateAsync();
            _storedFoundAt = lookup.FoundAt;
        }
        catch (Exception failure)
        {
            // What storage holds is unknown now: the next lookup writes whatever it finds.
            _storedFoundAt = DateTimeOffset.MinValue;
            // The call is one-way, so nobody else hears of this; the match stands, only a later session's reuse is lost.
            logger.LogWarning(failure, "Remembering a Customer Lookup match of session {SessionId} failed", lookup.SessionId);
        }
    }

    private bool SameMatch(RememberedLookup lookup) =>
        state.State.Records.SequenceEqual(lookup.Records)
        && state.State.ExtraItems.Count == lookup.ExtraItems.Count
        && lookup.ExtraItems.All(item => state.State.ExtraItems.TryGetValue(item.Key, out var value) && value == item.Value);
}
