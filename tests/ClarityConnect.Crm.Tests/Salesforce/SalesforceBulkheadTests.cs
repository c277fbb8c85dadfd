using System.Text.Json.Nodes;
using ClarityConnect.Abstractions.Exports;
using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Abstractions.Nodes;
using ClarityConnect.Abstractions.Sessions;

namespace ClarityConnect.Salesforce.Tests;

/// <summary>Failing exports open only the export lane's breaker; lookups go on (issue 13, finding 5).</summary>
[Collection(TrippingSalesforceCollection.Name)]
public sealed class BulkheadTests(TrippingSalesforceClusterFixture fixture)
{
    private const string Overloaded = "Server is unavailable or overloaded";

    [Fact]
    public async Task Exports_failing_until_their_breaker_opens_leave_lookups_matching_and_park_with_salesforces_answer()
    {
        var phone = "(720) 555-" + Random.Shared.Next(1000, 9999);
        var contactId = fixture.Salesforce.AddRecord("Contact", new JsonObject { ["LastName"] = "Bulkhead", ["Phone"] = phone });
        var session = await MatchedSessionAsync(phone, contactId);

        // Every upload (a note or file created through /sobjects/) is refused; queries and searches are answered.
        using (fixture.Salesforce.FailEvery(r => r.Method == "POST" && r.Path.Contains("/sobjects/", StringComparison.Ordinal), 503, "SERVER_UNAVAILABLE", Overloaded))
        {
            await session.CompleteAsync(new WrapUpDetails { Notes = "Parked, not lost" });
            var export = fixture.Grains.GetGrain<IExportGrain>($"{IntegrationNames.Salesforce}/{session.GetPrimaryKeyString()}");
            ExportStatus status = null!;
            await Eventually.TrueAsync(async () => (status = await export.GetStatusAsync()).State == ExportState.Failed, "the export is parked", TimeSpan.FromSeconds(60));

            // The exports' breaker is open now (the last attempts were refused by it); a caller's lookup still goes through.
            var lookup = await MatchedSessionAsync(phone, contactId);
            Assert.Equal(contactId, (await lookup.GetAsync()).LinkedRecord!.RecordId);

            Assert.Contains("Salesforce is being given a rest", status.LastError);
            Assert.Contains("503 Service Unavailable", status.LastError);
            Assert.Contains("SERVER_UNAVAILABLE: " + Overloaded, status.LastError);
        }
    }

    private async Task<ISessionGrain> MatchedSessionAsync(string phone, string contactId)
    {
        var session = fixture.Grains.GetGrain<ISessionGrain>("sf-bulkhead-" + Guid.NewGuid().ToString("n"));
        await session.StartAsync(new SessionStart { Channel = SessionChannel.Voice, CallerPhoneNumber = phone });
        var outcome = await session.RunNodeAsync(new CustomerLookupNode { NodeId = "lookup", Integration = IntegrationNames.Salesforce });
        Assert.True(outcome.Exit == NodeExit.Match && !outcome.ReusedEarlierRecord, outcome.Reason);
        Assert.Equal(contactId, outcome.Records[0].RecordId);
        await AnsweredCall.AnswerAndEndAsync(fixture.Grains, session);
        return session;
    }
}
