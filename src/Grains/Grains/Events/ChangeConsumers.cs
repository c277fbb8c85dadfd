namespace ClarityConnect.Grains.Events;

/// <summary>The names of the change-event consumers; which kinds of entity each one handles is <see cref="ChangeEventRouting.ConsumersOf"/>.</summary>
public static class ChangeConsumers
{
    /// <summary>The Virtual Observer (CSI) pusher.</summary>
    public const string Csi = "csi";
    /// <summary>The CRM exporter.</summary>
    public const string Crm = "crm";

    /// <summary>Every consumer, whatever the kinds it handles.</summary>
    public static IReadOnlyList<string> All { get; } = [Csi, Crm];
}
