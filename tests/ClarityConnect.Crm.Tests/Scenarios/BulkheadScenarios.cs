using ClarityConnect.Abstractions.Exports;
using ClarityConnect.Abstractions.Nodes;
using ClarityConnect.Abstractions.Sessions;

namespace ClarityConnect.Crm.Tests.Scenarios;

/// <summary>Failing exports open only the export lane's breaker; lookups go on (issue 13, finding 5). Needs a cluster whose breakers trip.</summary>
public abstract class BulkheadScenarios<TFixture>(TFixture fixture) : CrmScenario<TFixture>(fixture)
    where TFixture : CrmClusterFixture
{
    [Fact]
    public async Task Exports_failing_until_their_breaker_opens_leave_lookups_matching_and_park_with_the_crms_answer()
    {
        var phone = "(720) 555-" + Random.Shared.Next(1000, 9999);
        var contactId = Crm.AddContact(new CrmContact("Bulkhead") { Phone = phone });
        var session = await MatchedSessionAsync(phone, contactId);

        using (Crm.RefuseUploads())
        {
            await session.CompleteAsync(new WrapUpDetails { Notes = "Parked, not lost" });
            var export = ExportOf(session);
            ExportStatus status = null!;
            await Eventually.TrueAsync(async () => (status = await export.GetStatusAsync()).State == ExportState.Failed, "the export is parked", TimeSpan.FromSeconds(60));

            // The exports' breaker is open now (the last attempts were refused by it); a caller's lookup still goes through.
            var lookup = await MatchedSessionAsync(phone, contactId);
            Assert.Equal(contactId, (await lookup.GetAsync()).LinkedRecord!.RecordId);

            Assert.Contains($"{Crm.Name} is being given a rest", status.LastError);
            Assert.Contains("503 Service Unavailable", status.LastError);
            Assert.Contains(Crm.UploadRefusal, status.LastError);
        }
    }

    private async Task<ISessionGrain> MatchedSessionAsync(string phone, string contactId)
    {
        var (session, outcome) = await RunAsync(new SessionStart { Channel = SessionChannel.Voice, CallerPhoneNumber = phone }, new CustomerLookupNode { NodeId = "lookup", Integration = Crm.Integration });
        Assert.True(outcome.Exit == NodeExit.Match && !outcome.ReusedEarlierRecord, outcome.Reason);
        Assert.Equal(contactId, outcome.Records[0].RecordId);
        await new SessionDriver(Fixture.Grains).AnswerAndEndAsync(session);
        return session;
    }
}
