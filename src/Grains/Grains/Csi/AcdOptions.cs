using ClarityConnect.Grains.Retries;

namespace ClarityConnect.Grains.Csi;

/// <summary>How ACD statistics are computed and uploaded to CSI.</summary>
public sealed class AcdOptions : IBackoffPeriods
{
    /// <summary>The configuration section.</summary>
    public const string Section = "ClarityConnect:Csi:Acd";

    /// <summary>The statistics interval (15 minutes by default); intervals start at multiples of it since midnight UTC.</summary>
    public TimeSpan IntervalLength { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long after an interval ends its file is uploaded, so late events still count.</summary>
    public TimeSpan UploadDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How often a durable reminder brings back an interval not uploaded yet (after a silo restart, for example; 1 minute
    /// by default). It is registered when the interval's first event arrives and removed once its file is uploaded.
    /// </summary>
    public TimeSpan RetryPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The wait after a failed upload; it doubles (with jitter) up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest wait between upload attempts.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Answered within this wait counts toward the service level.</summary>
    public TimeSpan ServiceLevelThreshold { get; set; } = TimeSpan.FromSeconds(20);
}
