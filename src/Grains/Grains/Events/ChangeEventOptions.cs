namespace ClarityConnect.Grains.Events;

/// <summary>How change events are redelivered.</summary>
public sealed class ChangeEventOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "ClarityConnect:ChangeEvents";

    /// <summary>
    /// How often an entity with unacknowledged events republishes them (a durable reminder, so it also happens after
    /// the silo holding the entity died). Orleans' <c>ReminderOptions.MinimumReminderPeriod</c> must not be larger.
    /// </summary>
    public TimeSpan RedeliveryPeriod { get; set; } = TimeSpan.FromMinutes(1);
}
