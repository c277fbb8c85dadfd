using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Abstractions.Sessions;
using ClarityConnect.Grains.Crm;
using ClarityConnect.Grains.Integrations;

namespace ClarityConnect.Grains.Exports;

/// <summary>Exports to the CRM record a session is linked to, through the CRM's adapter.</summary>
public sealed class CrmExportTarget(ICrmAdapter crm, IntegrationSettingsCache settings) : IExportTarget
{
    /// <inheritdoc />
    public string Name => crm.Integration;

    /// <inheritdoc />
    public async Task<(IReadOnlyList<ExportItem> Items, string Destination)> PlanAsync(SessionSnapshot session, CancellationToken cancellationToken)
    {
        var record = Record(session);
        var toggles = ExportToggles.Of(await settings.GetAsync<IntegrationSettings>(crm.Integration));
        var platform = await settings.GetAsync<PlatformSettings>(IntegrationNames.Platform);
        return (ExportPlan.For(session, toggles, platform), $"{record.ObjectType}/{record.RecordId}");
    }

    /// <inheritdoc />
    public Task<string> DeliverAsync(SessionSnapshot session, ExportItem item, CancellationToken cancellationToken) =>
        item.File is { } file
            ? crm.AttachFileAsync(Record(session), file, cancellationToken)
            : crm.AddNoteAsync(Record(session), item.NoteTitle!, item.NoteText!, cancellationToken);

    private Abstractions.Nodes.CrmRecordLink Record(SessionSnapshot session) =>
        session.LinkedRecord is { } linked && linked.Integration == crm.Integration
            ? linked
            : throw new InvalidOperationException($"Session {session.SessionId} is not linked to a {crm.Integration} record.");
}
