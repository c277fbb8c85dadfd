namespace ClarityConnect.Grains.Retries;

/// <summary>The backoff of a retrying grain, read from its options (checked by <see cref="BackoffPeriodsRule"/>).</summary>
public interface IBackoffPeriods
{
    /// <summary>The wait after the first failure; it doubles (with jitter) up to <see cref="MaxRetryDelay"/>.</summary>
    TimeSpan FirstRetryDelay { get; }

    /// <summary>The longest wait between attempts.</summary>
    TimeSpan MaxRetryDelay { get; }
}
