using ClarityConnect.Connectors.Http;

namespace ClarityConnect.Grains.Retries;

/// <summary>The one range rule of the backoff every retrying grain's options carry.</summary>
public static class BackoffPeriodsRule
{
    /// <summary>Adds a failure for each unusable backoff period of <paramref name="periods"/>.</summary>
    public static void CheckBackoff(OptionsFailures failures, IBackoffPeriods periods)
    {
        ArgumentNullException.ThrowIfNull(failures);
        ArgumentNullException.ThrowIfNull(periods);
        failures.PositiveAtMost(periods.FirstRetryDelay, TimeSpan.FromHours(1));
        failures.BetweenSettingAnd(periods.MaxRetryDelay, periods.FirstRetryDelay, TimeSpan.FromDays(1));
    }
}
