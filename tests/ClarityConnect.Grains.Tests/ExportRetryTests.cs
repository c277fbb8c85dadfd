using ClarityConnect.Abstractions.Exports;
using ClarityConnect.Grains.Exports;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.TestingHost;
using static ClarityConnect.Grains.Tests.ReminderRegistrationFailureTests;

namespace ClarityConnect.Grains.Tests;

/// <summary>
/// An export's durable retry (<see cref="Retries.DurableRetry"/>) when its reminder cannot be registered, and the
/// stored shape of its state.
/// </summary>
public sealed class ExportRetryTests : IAsyncLifetime
{
    private readonly FailingReminderClusterFixture _fixture = new();

    public Task InitializeAsync() => _fixture.InitializeAsync();

    public Task DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task A_parked_export_retried_while_its_reminder_cannot_be_registered_is_still_delivered_and_the_reminder_registered_later()
    {
        var exports = new ExportScenario(_fixture);
        await exports.EnableSalesforceAsync();
        var (session, record) = await exports.CompletedCallAsync(failFirstDeliveries: 3);
        await exports.WaitForExportAsync(session, s => s.State == ExportState.Failed);
        var export = _fixture.Grains.GetGrain<IExportGrain>(ExportScenario.ExportKey(session));
        var grainId = export.GetGrainId().ToString();
        FailingReminderTable.FailNextRegistration(grainId);
        // The retried export fails once more, so it needs its reminder (or what stands in for it) to carry on.
        InMemoryCrmAdapter.FailDeliveries(record, 1);

        await export.RetryAsync();

        Assert.False(FailingReminderTable.FailureArmed(grainId));
        var done = await exports.WaitForExportAsync(session, s => s.State == ExportState.Done);
        Assert.Equal(2, done.Attempts);
        Assert.Equal(3, InMemoryCrmAdapter.Delivered.Count(d => d.RecordId == record));
        Assert.True(FailingReminderTable.Registered(grainId), "the retry reminder was registered once the table answered again");
    }

    [Fact]
    public void State_stored_before_the_phase_was_renamed_reads_with_its_phase()
    {
        var silo = ((InProcessSiloHandle)_fixture.Cluster.Primary!).SiloHost!.Services;
        var serializer = silo.GetRequiredService<Serializer>();
        var old = new ExportGrainStateBeforeIssue17 { State = ExportState.Failed, Attempts = 3, LastError = "503", Delivered = { ["note"] = "n-1" } };

        var read = serializer.Deserialize<ExportGrainState>(serializer.SerializeToArray(old));

        Assert.NotNull(read);
        Assert.Equal(ExportState.Failed, read.Phase);
        Assert.Equal(3, read.Attempts);
        Assert.Equal("503", read.LastError);
        Assert.Equal("n-1", read.Delivered["note"]);
    }
}

/// <summary>The stored shape of <see cref="ExportGrainState"/> before issue 17 named its phase <c>State</c>.</summary>
[GenerateSerializer]
public sealed class ExportGrainStateBeforeIssue17
{
    [Id(0)] public ExportState State { get; set; }
    [Id(1)] public int Attempts { get; set; }
    [Id(2)] public string? LastError { get; set; }
    [Id(3)] public Dictionary<string, string> Delivered { get; set; } = [];
}
