using ClarityConnect.Abstractions.Exports;
using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Abstractions.Nodes;
using ClarityConnect.Abstractions.Sessions;

namespace ClarityConnect.Grains.Tests;

/// <summary>Drives a voice call to its Salesforce export on a cluster of the core silo (the in-memory CRM adapter).</summary>
internal sealed class ExportScenario(ClusterFixture fixture)
{
    public async Task<(ISessionGrain Session, string RecordId)> CompletedCallAsync(int failFirstDeliveries)
    {
        var recordings = Directory.CreateDirectory(Path.Combine(fixture.DataDirectory, "recordings")).FullName;
        await File.WriteAllBytesAsync(Path.Combine(recordings, "a.wav"), [1, 2, 3]);
        await File.WriteAllBytesAsync(Path.Combine(recordings, "b.wav"), [4, 5, 6]);
        var platform = fixture.Grains.GetGrain<IIntegrationConfigGrain>(IntegrationNames.Platform);
        await platform.UpdateAsync(new PlatformSettings { AdminWebsiteBaseUrl = "https://admin.example.com", RecordingsRoot = recordings }, (await platform.GetAsync()).Version);

        var id = "s-" + Guid.NewGuid().ToString("n");
        var session = fixture.Grains.GetGrain<ISessionGrain>(id);
        await session.StartAsync(SessionDriver.VoiceCall with { CallerPhoneNumber = "+1 303 555 " + Random.Shared.Next(1000, 9999) });
        var outcome = await session.RunNodeAsync(Lookup(fresh: true));
        InMemoryCrmAdapter.FailDeliveries(outcome.Records[0].RecordId, failFirstDeliveries);
        await new SessionDriver(fixture.Grains).AnswerAsync(session);
        await SessionDriver.RecordAsync(session, "a.wav", "b.wav");
        await session.EndAsync();
        await session.CompleteAsync(new WrapUpDetails { Disposition = "Resolved", Notes = "Refund issued" });
        return (session, outcome.Records[0].RecordId);
    }

    public async Task<ExportStatus> WaitForExportAsync(ISessionGrain session, Func<ExportStatus, bool> condition)
    {
        var export = fixture.Grains.GetGrain<IExportGrain>(ExportKey(session));
        ExportStatus status = null!;
        await Eventually.TrueAsync(async () => condition(status = await export.GetStatusAsync()), "the export reaches the expected state");
        return status;
    }

    public static string ExportKey(ISessionGrain session) => $"{IntegrationNames.Salesforce}/{session.GetPrimaryKeyString()}";

    public static CustomerLookupNode Lookup(bool fresh) =>
        new() { NodeId = "lookup", Integration = IntegrationNames.Salesforce, FreshLookupOnEachCall = fresh, DaysToGoBack = 7 };

    public async Task EnableSalesforceAsync()
    {
        var config = fixture.Grains.GetGrain<IIntegrationConfigGrain>(IntegrationNames.Salesforce);
        var current = await config.GetAsync();
        if (current.Settings is SalesforceSettings { Enabled: true, PushCallRecordings: true })
        {
            return;
        }

        await config.UpdateAsync(new SalesforceSettings
        {
            Enabled = true, ConsumerKey = "3MVG9-key", ConsumerSecret = "s3cr3t", PushCallRecordings = true, PushSessionNotes = true, PushSessionTranscript = true,
        }, current.Version);
    }
}
