using ClarityConnect.Abstractions.Events;
using ClarityConnect.Abstractions.Integrations;

namespace ClarityConnect.Grains.Csi;

/// <summary>One kind of work the CSI pusher does with a change event (events over HTTP, uploads, ACD statistics).</summary>
public interface ICsiChangeWork
{
    /// <summary>Handles <paramref name="change"/> under the current, enabled CSI <paramref name="settings"/>.</summary>
    Task HandleAsync(ChangeEvent change, CsiSettings settings);
}
