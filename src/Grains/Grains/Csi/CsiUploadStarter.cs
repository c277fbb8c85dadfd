using ClarityConnect.Abstractions.Events;
using ClarityConnect.Abstractions.Exports;
using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Abstractions.Sessions;

namespace ClarityConnect.Grains.Csi;

/// <summary>When a session completes, starts its upload to CSI if "Send Session Recordings?" or "Send Session Transcript?" is on.</summary>
public sealed class CsiUploadStarter(IGrainFactory grains) : ICsiChangeWork
{
    /// <inheritdoc />
    public async Task HandleAsync(ChangeEvent change, CsiSettings settings)
    {
        if (change is not SessionChanged { NewStatus: SessionStatus.Completed })
        {
            return;
        }

        if (settings.SendSessionRecordings || settings.SendSessionTranscript)
        {
            await grains.GetGrain<IExportGrain>($"{IntegrationNames.Csi}/{change.EntityId}").StartAsync();
        }
    }
}
