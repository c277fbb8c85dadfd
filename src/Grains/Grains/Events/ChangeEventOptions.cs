namespace ClarityConnect.Grains.Events;

/// <summary>How change events are redelivered.</summary>
public sealed class ChangeEventOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "ClarityConnect:ChangeEvents";

    /// <summary>
    /// How often an entity with unacknowledged events republishes them (a durable reminder, so it also happens after
    /// the silo holding the entity died: the bound on how late such an event arrives once a silo runs the reminder
    /// again). Its ticks write nothing; Orleans' <c>ReminderOptions.MinimumReminderPeriod</c> is lowered to it.
    /// </summary>
    public TimeSpan RedeliveryPeriod { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long an entity keeps its redelivery reminder, at least, once it registered it: the reminder is removed (and
    /// the acknowledged events trimmed from storage) at the first tick after this that finds nothing to redeliver. It
    /// sets how often a busy entity pays those writes and a new registration, independently of
    /// <see cref="RedeliveryPeriod"/>, so a short period costs no durable writes per event.
    /// </summary>
    public TimeSpan ReminderRetention { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long a consumer waits, after handling an event, before acknowledging it to its producer: every event it
    /// handles in that time is acknowledged by one call. At most half of <see cref="RedeliveryPeriod"/>, so a producer
    /// rarely republishes an event only because its acknowledgement is still on the way (a republished event is
    /// dropped by sequence and acknowledged again).
    /// </summary>
    public TimeSpan AcknowledgementDelay { get; set; } = TimeSpan.FromSeconds(1);
}
