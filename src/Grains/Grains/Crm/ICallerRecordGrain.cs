using Orleans.Concurrency;

namespace ClarityConnect.Grains.Crm;

/// <summary>The last record a Customer Lookup found for one caller in one CRM (key = <c>{integration}/{caller key}</c>).</summary>
public interface ICallerRecordGrain : IGrainWithStringKey
{
    /// <summary>The remembered match if it is younger than <paramref name="maxAge"/>.</summary>
    [ReadOnly]
    Task<RememberedLookup?> GetRecentAsync(TimeSpan maxAge);

    /// <summary>
    /// Remembers a match. One-way: the lookup that found it answers without waiting for this write (a lost write only
    /// costs a later session's reuse, never the match); the grain logs a failed write itself.
    /// </summary>
    [OneWay]
    Task RememberAsync(RememberedLookup lookup);
}
