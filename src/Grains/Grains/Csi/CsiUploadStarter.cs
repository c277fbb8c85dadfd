using ClarityConnect.Abstractions.Events;
using ClarityConnect.Abstractions.Exports;
using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Abstractions.Sessions;

namespace ClarityConnect.Grains.Csi;

/// <summary>When sessions complete, starts its upload to CSI if "Send Session Recordings?" or "Send Session Transcript?" is on.</summary>
public sealed class CsiUploadStarter(IGrainFactory grains) : ICsiPushWork
{
    /// <inheritdoc />
    public Task HandleAsync(IReadOnlyList<ChangeEvent> changes, CsiSettings settings) =>
        settings.SendSessionRecordings || settings.SendSessionTranscript
            ? Task.WhenAll(changes
                .Where(change => change is SessionChanged { NewStatus: SessionStatus.Completed })
                .Select(change => grains.GetGrain<IExportGrain>($"{IntegrationNames.Csi}/{change.EntityId}").StartAsync()))
            : Task.CompletedTask;
}
