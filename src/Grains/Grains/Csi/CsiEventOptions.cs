using ClarityConnect.Grains.Retries;

namespace ClarityConnect.Grains.Csi;

/// <summary>How change events are batched to CSI.</summary>
public sealed class CsiEventOptions : IBackoffPeriods
{
    /// <summary>The configuration section.</summary>
    public const string Section = "ClarityConnect:Csi:Events";

    /// <summary>At most this many events per request.</summary>
    public int MaxBatchSize { get; set; } = 200;

    /// <summary>
    /// An event waits at most this long in its queue for companions before it is sent. It is most of an event's delay
    /// to CSI; at 1,000 events/s over four queues, 100 ms still fills a request with about 25 events.
    /// </summary>
    public TimeSpan MaxBatchAge { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The wait after a failed request; it doubles (with jitter) up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between attempts while CSI is down.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// While a queue waits out its backoff, it asks CSI this often whether it answers again (a request with no events);
    /// once CSI answers, the backlog is sent at once. Only waits longer than this are cut short by probes.
    /// </summary>
    public TimeSpan ProbePeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How often a durable reminder brings back a queue that holds events (after a silo restart, for example); it is
    /// registered when a queue's first event arrives and removed when the queue is empty.
    /// </summary>
    public TimeSpan ReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many batching queues share the load; an entity always uses the same one, which keeps its order.</summary>
    public int Queues { get; set; } = 4;
}
