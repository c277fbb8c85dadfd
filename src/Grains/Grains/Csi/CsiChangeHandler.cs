using ClarityConnect.Abstractions.Events;
using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Grains.Events;

namespace ClarityConnect.Grains.Csi;

/// <summary>The CSI pusher's work: reads the CSI settings once per event and, when the integration is enabled, hands the event to each kind of CSI work.</summary>
public sealed class CsiChangeHandler(IGrainFactory grains, IEnumerable<ICsiChangeWork> work) : IChangeEventHandler
{
    /// <inheritdoc />
    public async Task HandleAsync(ChangeEvent change, CancellationToken cancellationToken)
    {
        if ((await grains.GetGrain<IIntegrationConfigGrain>(IntegrationNames.Csi).GetAsync()).Settings is not CsiSettings { Enabled: true } settings)
        {
            return;
        }

        foreach (var part in work)
        {
            await part.HandleAsync(change, settings);
        }
    }
}
