using ClarityConnect.Abstractions.Events;
using ClarityConnect.Abstractions.Exports;
using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Abstractions.Sessions;
using ClarityConnect.Grains.Events;

namespace ClarityConnect.Grains.Csi;

/// <summary>When a session completes, starts its upload to CSI if "Send Session Recordings?" or "Send Session Transcript?" is on.</summary>
public sealed class CsiUploadHandler(IGrainFactory grains) : IChangeEventHandler
{
    /// <inheritdoc />
    public string Consumer => ChangeConsumers.Csi;

    /// <inheritdoc />
    public async Task HandleAsync(ChangeEvent change, CancellationToken cancellationToken)
    {
        if (change is not SessionChanged { NewStatus: SessionStatus.Completed })
        {
            return;
        }

        var settings = (await grains.GetGrain<IIntegrationConfigGrain>(IntegrationNames.Csi).GetAsync()).Settings;
        if (settings is CsiSettings { Enabled: true } csi && (csi.SendSessionRecordings || csi.SendSessionTranscript))
        {
            await grains.GetGrain<IExportGrain>($"{IntegrationNames.Csi}/{change.EntityId}").StartAsync();
        }
    }
}
