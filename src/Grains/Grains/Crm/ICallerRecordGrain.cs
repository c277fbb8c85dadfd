namespace ClarityConnect.Grains.Crm;

/// <summary>The last record a Customer Lookup found for one caller in one CRM (key = <c>{integration}/{caller key}</c>).</summary>
public interface ICallerRecordGrain : IGrainWithStringKey
{
    /// <summary>The remembered match if it is younger than <paramref name="maxAge"/>.</summary>
    Task<RememberedLookup?> GetRecentAsync(TimeSpan maxAge);

    /// <summary>Remembers a match.</summary>
    Task RememberAsync(RememberedLookup lookup);
}
