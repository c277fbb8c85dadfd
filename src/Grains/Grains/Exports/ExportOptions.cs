using ClarityConnect.Grains.Retries;

namespace ClarityConnect.Grains.Exports;

/// <summary>How post-call exports retry.</summary>
public sealed class ExportOptions : IBackoffPeriods
{
    /// <summary>The configuration section.</summary>
    public const string Section = "ClarityConnect:Exports";

    /// <summary>Attempts before an export is parked as failed.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait before the second attempt; it doubles (with jitter) up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest wait between attempts.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often a durable reminder checks on unfinished exports (after a silo restart, for example).</summary>
    public TimeSpan ReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);
}
