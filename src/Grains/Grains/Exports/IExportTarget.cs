using ClarityConnect.Abstractions.Sessions;

namespace ClarityConnect.Grains.Exports;

/// <summary>Where a finished session can be exported (a CRM record, CSI's FTP server). <see cref="ExportGrain"/> does the rest: progress, retries, parking.</summary>
public interface IExportTarget
{
    /// <summary>The target's name, the first part of an export's key.</summary>
    string Name { get; }

    /// <summary>What to deliver for <paramref name="session"/> under the current settings, and a description of where it goes.</summary>
    Task<(IReadOnlyList<ExportItem> Items, string Destination)> PlanAsync(SessionSnapshot session, CancellationToken cancellationToken);

    /// <summary>Delivers one item unless it already arrived; returns the target's id for it.</summary>
    Task<string> DeliverAsync(SessionSnapshot session, ExportItem item, CancellationToken cancellationToken);
}
