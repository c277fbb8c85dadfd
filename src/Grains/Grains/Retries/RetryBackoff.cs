namespace ClarityConnect.Grains.Retries;

/// <summary>
/// The wait before the next attempt after a run of failures: it doubles from the first delay up to the longest one,
/// with ±20 % jitter so grains that failed together (a remote service went down for all of them) do not retry in step.
/// </summary>
public static class RetryBackoff
{
    /// <summary>The wait after <paramref name="failures"/> failures in a row (1 for the first).</summary>
    public static TimeSpan After(int failures, IBackoffPeriods periods)
    {
        ArgumentNullException.ThrowIfNull(periods);
        var exponential = periods.FirstRetryDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, failures - 1));
        var jittered = exponential * (0.8 + Random.Shared.NextDouble() * 0.4);
        return TimeSpan.FromMilliseconds(Math.Min(jittered, periods.MaxRetryDelay.TotalMilliseconds));
    }
}
