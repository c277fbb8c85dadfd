namespace ClarityConnect.Grains.Events;

/// <summary>The consumers every change event must reach before its producer forgets it.</summary>
public static class ChangeConsumers
{
    /// <summary>The Virtual Observer (CSI) pusher.</summary>
    public const string Csi = "csi";
    /// <summary>The CRM exporter.</summary>
    public const string Crm = "crm";

    /// <summary>All consumers.</summary>
    public static IReadOnlyList<string> All { get; } = [Csi, Crm];
}
