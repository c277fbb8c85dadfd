using ClarityConnect.Abstractions.Events;
using ClarityConnect.Abstractions.Integrations;

namespace ClarityConnect.Grains.Csi;

/// <summary>One kind of work the CSI pusher does with a batch of change events (events over HTTP, uploads, ACD statistics).</summary>
public interface ICsiPushWork
{
    /// <summary>
    /// Handles <paramref name="changes"/> (at most one per session or agent) under the current, enabled CSI
    /// <paramref name="settings"/>; completes once what it keeps of them is stored, throws when it is not.
    /// </summary>
    Task HandleAsync(IReadOnlyList<ChangeEvent> changes, CsiSettings settings);
}
