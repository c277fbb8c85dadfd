using Microsoft.Extensions.DependencyInjection;
using Orleans.Providers;
using Orleans.Storage;
using Orleans.TestingHost;
using ClarityConnect.Abstractions.Exports;
using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Abstractions.Nodes;
using ClarityConnect.Abstractions.Sessions;

namespace ClarityConnect.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class CrmPipelineTests(CoreClusterFixture fixture)
{
    private readonly ExportScenario _exports = new(fixture);

    [Fact]
    public async Task A_match_links_the_contact_before_the_account_and_sets_documented_extra_items()
    {
        await _exports.EnableSalesforceAsync();
        var (session, _) = await new SessionDriver(fixture.Grains).NewAsync(SessionStatus.New);

        var outcome = await session.RunNodeAsync(ExportScenario.Lookup(fresh: true));

        Assert.Equal(NodeExit.Match, outcome.Exit);
        Assert.Equal(["Contact", "Account"], outcome.Records.Select(r => r.ObjectType));
        var items = (await session.GetAsync()).ExtraItems;
        Assert.Equal(("Contact", "Alice Example", "Example Corp", "(415) 555-0100", "alice@example.com", "2"),
            (items["Salesforce.ObjectType"], items["Salesforce.Name"], items["Salesforce.AccountName"], items["Salesforce.Phone"], items["Salesforce.Email"], items["Salesforce.MatchCount"]));
        Assert.Equal(outcome.Records[0].Url.ToString(), items["Salesforce.RecordUrl"]);
    }

    [Fact]
    public async Task With_fresh_lookup_off_an_earlier_sessions_match_is_reused_without_calling_the_crm()
    {
        await _exports.EnableSalesforceAsync();
        var caller = SessionDriver.VoiceCall with { CallerPhoneNumber = "+1 (212) 555-" + Random.Shared.Next(1000, 9999) };
        var first = fixture.Grains.GetGrain<ISessionGrain>("s-" + Guid.NewGuid());
        await first.StartAsync(caller);
        var found = await first.RunNodeAsync(ExportScenario.Lookup(fresh: false));

        var second = fixture.Grains.GetGrain<ISessionGrain>("s-" + Guid.NewGuid());
        await second.StartAsync(caller with { CallerPhoneNumber = caller.CallerPhoneNumber!.Replace(" ", "").Replace("(", "").Replace(")", "").Replace("-", "") });
        var searchesBefore = Volatile.Read(ref InMemoryCrmAdapter.Searches);
        var reused = await second.RunNodeAsync(ExportScenario.Lookup(fresh: false));

        Assert.True(reused.ReusedEarlierRecord);
        Assert.Equal(searchesBefore, Volatile.Read(ref InMemoryCrmAdapter.Searches));
        Assert.Equal(found.Records.Select(r => r.Url), reused.Records.Select(r => r.Url));
        Assert.Equal(found.ExtraItemsSet["Salesforce.RecordId"], (await second.GetAsync()).ExtraItems["Salesforce.RecordId"]);

        var fresh = await second.RunNodeAsync(ExportScenario.Lookup(fresh: true));
        Assert.False(fresh.ReusedEarlierRecord);
        Assert.Equal(searchesBefore + 1, Volatile.Read(ref InMemoryCrmAdapter.Searches));
    }

    [Fact]
    public async Task A_lookup_answers_without_waiting_for_its_match_to_be_remembered_and_a_later_caller_reuses_it()
    {
        await _exports.EnableSalesforceAsync();
        var caller = SessionDriver.VoiceCall with { CallerPhoneNumber = "+1 (646) 555-" + Random.Shared.Next(1000, 9999) };
        var first = fixture.Grains.GetGrain<ISessionGrain>("s-" + Guid.NewGuid());
        await first.StartAsync(caller);
        NodeOutcome found;
        using (HeldCallerRecordWrites.Hold())
        {
            // Before the write left the lookup's path, the answer waited here for the held write: the run never finished.
            var run = first.RunNodeAsync(ExportScenario.Lookup(fresh: false));
            Assert.Same(run, await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(30))));
            found = await run;
            Assert.Equal(NodeExit.Match, found.Exit);
            Assert.False(found.ReusedEarlierRecord);
        }

        await HeldCallerRecordWrites.Passed.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(1, HeldCallerRecordWrites.Held);
        var second = fixture.Grains.GetGrain<ISessionGrain>("s-" + Guid.NewGuid());
        await second.StartAsync(caller);
        var reused = await second.RunNodeAsync(ExportScenario.Lookup(fresh: false));
        Assert.True(reused.ReusedEarlierRecord);
        Assert.Equal(found.Records.Select(r => r.Url), reused.Records.Select(r => r.Url));
    }

    [Fact]
    public async Task A_completed_session_is_exported_to_its_linked_record_exactly_once_despite_failures()
    {
        await _exports.EnableSalesforceAsync();
        var (session, record) = await _exports.CompletedCallAsync(failFirstDeliveries: 2);

        var status = await _exports.WaitForExportAsync(session, s => s.State != ExportState.Pending);

        Assert.Equal(ExportState.Done, status.State);
        Assert.Equal(3, status.Attempts);
        Assert.Equal(["note", "recording-1", "recording-2"], status.Delivered.Keys.Order());
        var delivered = InMemoryCrmAdapter.Delivered.Where(d => d.RecordId == record).Select(d => d.Title).Order().ToList();
        Assert.Equal(3, delivered.Count);
        Assert.Contains($"Call details of session {session.GetPrimaryKeyString()}", delivered);

        await fixture.Grains.GetGrain<IExportGrain>(ExportScenario.ExportKey(session)).StartAsync();
        Assert.Equal(3, InMemoryCrmAdapter.Delivered.Count(d => d.RecordId == record));
    }

    [Fact]
    public async Task An_export_done_on_its_first_attempt_stores_its_state_once_and_leaves_no_reminder()
    {
        await _exports.EnableSalesforceAsync();
        var (session, record) = await _exports.CompletedCallAsync(failFirstDeliveries: 0);

        var status = await _exports.WaitForExportAsync(session, s => s.State == ExportState.Done);

        Assert.Equal(1, status.Attempts);
        Assert.Equal(3, InMemoryCrmAdapter.Delivered.Count(d => d.RecordId == record));
        // The SQLite row's version is its ETag: it counts the writes of the export's state (the accepted phase and each
        // item used to pay one each).
        var export = fixture.Grains.GetGrain<IExportGrain>(ExportScenario.ExportKey(session)).GetGrainId();
        var silo = ((InProcessSiloHandle)fixture.Cluster.Primary!).SiloHost!.Services;
        var stored = new GrainState<Exports.ExportGrainState>();
        await silo.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME).ReadStateAsync("export", export, stored);
        Assert.Equal(ExportState.Done, stored.State!.Phase);
        Assert.Equal("1", stored.ETag);
        Assert.Empty((await silo.GetRequiredService<IReminderTable>().ReadRows(export)).Reminders);
    }

    [Fact]
    public async Task An_export_that_keeps_failing_is_parked_with_its_reason_and_can_be_retried()
    {
        await _exports.EnableSalesforceAsync();
        var (session, record) = await _exports.CompletedCallAsync(failFirstDeliveries: 3);

        var parked = await _exports.WaitForExportAsync(session, s => s.State == ExportState.Failed);
        Assert.Contains("503", parked.LastError);
        Assert.Equal(3, parked.Attempts);

        await fixture.Grains.GetGrain<IExportGrain>(ExportScenario.ExportKey(session)).RetryAsync();
        var done = await _exports.WaitForExportAsync(session, s => s.State == ExportState.Done);
        Assert.Equal(3, done.Delivered.Count);
        Assert.Equal(3, InMemoryCrmAdapter.Delivered.Count(d => d.RecordId == record));
    }

    [Fact]
    public async Task A_lookup_that_outlives_the_crms_budget_exits_no_match_saying_so()
    {
        await _exports.EnableSalesforceAsync();
        var session = fixture.Grains.GetGrain<ISessionGrain>("s-" + Guid.NewGuid().ToString("n"));
        await session.StartAsync(new SessionStart { Channel = SessionChannel.Voice, CallerIdName = "Stalled" });
        InMemoryCrmAdapter.Budget = TimeSpan.FromSeconds(1);
        try
        {
            var outcome = await session.RunNodeAsync(ExportScenario.Lookup(fresh: true));

            Assert.Equal(NodeExit.NoMatch, outcome.Exit);
            Assert.Equal("The salesforce lookup did not finish within its 1 s budget (LookupTimeout); the call flow moved on.", outcome.Reason);
        }
        finally
        {
            InMemoryCrmAdapter.Budget = TimeSpan.FromSeconds(30);
        }
    }

    [Theory]
    [InlineData("Contact.Account.Name")]
    [InlineData("Name = 'x' OR Id")]
    [InlineData("Ticket__c.")]
    public async Task A_search_parameter_that_is_not_field_or_object_field_is_refused_naming_it(string searchParameter)
    {
        var session = fixture.Grains.GetGrain<ISessionGrain>("s-" + Guid.NewGuid().ToString("n"));
        await session.StartAsync(new SessionStart { Channel = SessionChannel.Voice, ExtraItems = new Dictionary<string, string> { ["Key"] = "1" } });

        var refused = await Assert.ThrowsAsync<InvalidRequestException>(() =>
            session.RunNodeAsync(ExportScenario.Lookup(fresh: true) with { LookupType = LookupType.ExtraItemKey, ExtraItemName = "Key", SearchParameter = searchParameter }));

        Assert.Equal("SearchParameter", refused.Field);
        Assert.Contains($"not '{searchParameter}'", refused.Problem);
    }
}
