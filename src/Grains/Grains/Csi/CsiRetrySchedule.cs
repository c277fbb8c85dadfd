using ClarityConnect.Grains.Retries;

namespace ClarityConnect.Grains.Csi;

/// <summary>
/// When a CSI event queue tries its backlog again after CSI failed it: after a backoff that doubles (with jitter,
/// <see cref="RetryBackoff"/>) from <see cref="CsiEventOptions.FirstRetryDelay"/> up to
/// <see cref="CsiEventOptions.MaxRetryDelay"/>, or as soon as CSI
/// answers one of the probes sent every <see cref="CsiEventOptions.ProbePeriod"/> meanwhile, so the backlog leaves
/// within a probe period of CSI's return instead of waiting out a backoff of up to a minute.
/// </summary>
/// <remarks>
/// A batch that fails right after a probe answered is not followed by probes: CSI is up but refuses that batch, and
/// probing would resend it every probe period; the plain backoff applies until the next attempt.
/// </remarks>
public sealed class CsiRetrySchedule(CsiEventOptions options)
{
    private int _failures;
    private DateTimeOffset? _retryAt;
    private bool _probeAnswered;

    /// <summary>Whether CSI must answer a probe before the backlog is sent at <paramref name="now"/> (its backoff has not elapsed).</summary>
    public bool ProbeFirst(DateTimeOffset now) => _retryAt is { } retryAt && now < retryAt;

    /// <summary>The wait until the next probe, or until the backoff elapses when that comes first.</summary>
    public TimeSpan NextProbe(DateTimeOffset now)
    {
        var untilRetry = (_retryAt ?? now) - now;
        return untilRetry < options.ProbePeriod ? (untilRetry > TimeSpan.Zero ? untilRetry : TimeSpan.Zero) : options.ProbePeriod;
    }

    /// <summary>CSI answered a probe: the backlog goes now.</summary>
    public void ProbeAnswered()
    {
        _retryAt = null;
        _probeAnswered = true;
    }

    /// <summary>A batch failed at <paramref name="now"/>; returns the wait before the queue's next step (a probe, or the retry itself).</summary>
    public TimeSpan Failed(DateTimeOffset now)
    {
        _failures++;
        var backoff = RetryBackoff.After(_failures, options);
        var probe = !_probeAnswered && backoff > options.ProbePeriod;
        _probeAnswered = false;
        _retryAt = probe ? now + backoff : null;
        return probe ? options.ProbePeriod : backoff;
    }

    /// <summary>CSI took a batch.</summary>
    public void Succeeded()
    {
        _failures = 0;
        _retryAt = null;
        _probeAnswered = false;
    }
}
