namespace ClarityConnect.Grains.Csi;

/// <summary>How ACD statistics are computed and uploaded to CSI.</summary>
public sealed class AcdOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "ClarityConnect:Csi:Acd";

    /// <summary>The statistics interval (15 minutes by default); intervals start at multiples of it since midnight UTC.</summary>
    public TimeSpan IntervalLength { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long after an interval ends its file is uploaded, so late events still count.</summary>
    public TimeSpan UploadDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often an interval whose upload failed is tried again (a durable reminder; 1 minute by default).</summary>
    public TimeSpan RetryPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Answered within this wait counts toward the service level.</summary>
    public TimeSpan ServiceLevelThreshold { get; set; } = TimeSpan.FromSeconds(20);
}
