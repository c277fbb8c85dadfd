using ClarityConnect.Abstractions.Events;
using ClarityConnect.Abstractions.Exports;
using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Abstractions.Sessions;
using ClarityConnect.Grains.Events;
using ClarityConnect.Grains.Integrations;

namespace ClarityConnect.Grains.Csi;

/// <summary>
/// When a session completes, starts its upload to CSI if "Send Session Recordings?" or "Send Session Transcript?" is on.
/// </summary>
/// <remarks>
/// A handler of the CSI consumer of its own (<see cref="ChangeEventRouting"/>), not a part of the silo-wide push batch:
/// the export's first attempt runs inside <see cref="IExportGrain.StartAsync"/>, so only this session's pusher waits
/// for its recordings to reach the FTP server, never the other entities' events in the batch.
/// </remarks>
public sealed class CsiUploadStarter(IGrainFactory grains, IntegrationSettingsCache settings) : IChangeEventHandler
{
    /// <inheritdoc />
    public async Task HandleAsync(ChangeEvent change, CancellationToken cancellationToken)
    {
        if (change is not SessionChanged { NewStatus: SessionStatus.Completed }
            || await settings.GetAsync<CsiSettings>(IntegrationNames.Csi) is not { Enabled: true } csi
            || !(csi.SendSessionRecordings || csi.SendSessionTranscript))
        {
            return;
        }

        await grains.GetGrain<IExportGrain>($"{IntegrationNames.Csi}/{change.EntityId}").StartAsync();
    }
}
