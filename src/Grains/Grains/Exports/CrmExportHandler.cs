using ClarityConnect.Abstractions.Events;
using ClarityConnect.Abstractions.Exports;
using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Abstractions.Sessions;
using ClarityConnect.Grains.Events;
using ClarityConnect.Grains.Integrations;

namespace ClarityConnect.Grains.Exports;

/// <summary>
/// The CRM exporter's work: when a session completes, start its export to the CRM record the session is linked to —
/// that one record, once, never every candidate — if that CRM's settings push anything.
/// </summary>
public sealed class CrmExportHandler(IGrainFactory grains, IntegrationSettingsCache settings) : IChangeEventHandler
{
    /// <inheritdoc />
    public async Task HandleAsync(ChangeEvent change, CancellationToken cancellationToken)
    {
        if (change is not SessionChanged { NewStatus: SessionStatus.Completed })
        {
            return;
        }

        var session = await grains.GetGrain<ISessionGrain>(change.EntityId).GetAsync();
        if (session.LinkedRecord is not { } record)
        {
            return;
        }

        if (ExportToggles.Of(await settings.GetAsync<IntegrationSettings>(record.Integration)).Any)
        {
            // The export's first attempt works from this read rather than reading the session a second time.
            await grains.GetGrain<IExportGrain>($"{record.Integration}/{session.SessionId}").StartAsync(session);
        }
    }
}
