using ClarityConnect.Abstractions.Exports;

namespace ClarityConnect.Grains.Tests;

/// <summary>
/// A CRM export reads its session once (issue 16: silo calls per life cycle): the CRM exporter's handler reads it for
/// the linked record and hands that read to the export, whose first attempt works from it.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ExportSessionReadTests(CoreClusterFixture fixture)
{
    private readonly ExportScenario _exports = new(fixture);

    // The grain type name Orleans gave the implementation of TGrain, as the caller's id carries it.
    private string TypeOf<TGrain>() where TGrain : IGrainWithStringKey => fixture.Grains.GetGrain<TGrain>("any").GetGrainId().Type.ToString()!;

    [Fact]
    public async Task An_export_done_on_its_first_attempt_reads_its_session_once_through_the_CRM_exporter()
    {
        await _exports.EnableSalesforceAsync();
        var (session, _) = await _exports.CompletedCallAsync(failFirstDeliveries: 0);

        var status = await _exports.WaitForExportAsync(session, s => s.State == ExportState.Done);

        Assert.Equal(3, status.Delivered.Count);
        var id = session.GetPrimaryKeyString();
        Assert.Equal(1, SessionReads.By(id, TypeOf<Abstractions.Events.ICrmExporterGrain>()));
        Assert.Equal(0, SessionReads.By(id, TypeOf<IExportGrain>()));
    }

    [Fact]
    public async Task A_retried_export_reads_its_session_afresh()
    {
        await _exports.EnableSalesforceAsync();
        var (session, _) = await _exports.CompletedCallAsync(failFirstDeliveries: 1);

        var status = await _exports.WaitForExportAsync(session, s => s.State == ExportState.Done);

        Assert.Equal(2, status.Attempts);
        Assert.Equal(1, SessionReads.By(session.GetPrimaryKeyString(), TypeOf<IExportGrain>()));
    }
}
