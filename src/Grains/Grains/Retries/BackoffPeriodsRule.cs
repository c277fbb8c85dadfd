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
        failures.Check(periods.FirstRetryDelay > TimeSpan.Zero && periods.FirstRetryDelay <= TimeSpan.FromHours(1), nameof(periods.FirstRetryDelay), "must be more than 0 and at most 1 hour", periods.FirstRetryDelay);
        failures.Check(periods.MaxRetryDelay >= periods.FirstRetryDelay && periods.MaxRetryDelay <= TimeSpan.FromDays(1), nameof(periods.MaxRetryDelay), "must be at least FirstRetryDelay and at most 1 day", periods.MaxRetryDelay);
    }
}
