using System.Text;
using System.Text.Json.Nodes;
using ClarityConnect.Abstractions.Agents;
using ClarityConnect.Abstractions.Exports;
using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Abstractions.Nodes;
using ClarityConnect.Abstractions.Sessions;

namespace ClarityConnect.Salesforce.Tests;

[Collection(SalesforceCollection.Name)]
public sealed class ExportTests(SalesforceClusterFixture fixture)
{
    [Fact]
    public async Task Recordings_and_the_call_details_note_arrive_once_although_salesforce_fails_the_first_attempts()
    {
        var (session, contactId) = await MatchedSessionAsync(SessionChannel.Voice);
        await File.WriteAllBytesAsync(Path.Combine(fixture.RecordingsDirectory, $"{session.GetPrimaryKeyString()}-1.wav"), Encoding.ASCII.GetBytes("RIFF-one"));
        await File.WriteAllBytesAsync(Path.Combine(fixture.RecordingsDirectory, $"{session.GetPrimaryKeyString()}-2.wav"), Encoding.ASCII.GetBytes("RIFF-two"));
        await AnswerAsync(session);
        await session.StartRecordingAsync($"{session.GetPrimaryKeyString()}-1.wav");
        await session.StopRecordingAsync();
        await session.StartRecordingAsync($"{session.GetPrimaryKeyString()}-2.wav");
        await session.EndAsync();

        fixture.Salesforce.FailNext(4, 503, "SERVER_UNAVAILABLE");
        await session.CompleteAsync(new WrapUpDetails { Disposition = "Resolved", SubDisposition = "Refund", Notes = "Customer happy" });
        var status = await WaitForExportAsync(session, ExportState.Done);

        var id = session.GetPrimaryKeyString();
        var files = fixture.Salesforce.Records("ContentVersion").Where(v => ((string?)v["Title"])!.EndsWith($"session {id}", StringComparison.Ordinal)).ToList();
        Assert.Equal([$"Recording 1 of session {id}", $"Recording 2 of session {id}"], files.Select(f => (string?)f["Title"]).Order());
        Assert.All(files, f => Assert.Equal(contactId, (string?)f["FirstPublishLocationId"]));
        var note = Assert.Single(fixture.Salesforce.Records("Note"), n => (string?)n["ParentId"] == contactId);
        var body = (string)note["Body"]!;
        Assert.Contains($"Session Details: https://admin.example.com/sessions/{id}", body);
        Assert.Contains("Disposition: Resolved", body);
        Assert.Contains("Sub-disposition: Refund", body);
        Assert.Contains("Queue: Support", body);
        Assert.Equal(3, status.Delivered.Count);
    }

    [Fact]
    public async Task A_chat_transcript_arrives_as_a_file_on_the_linked_record()
    {
        var (session, contactId) = await MatchedSessionAsync(SessionChannel.Chat);
        await AnswerAsync(session);
        await session.AddTranscriptMessageAsync(new TranscriptMessage { Sender = "customer", Text = "Where is order 42?" });
        await session.AddTranscriptMessageAsync(new TranscriptMessage { Sender = "agent", Text = "It ships today." });
        await session.EndAsync();
        await session.CompleteAsync();

        await WaitForExportAsync(session, ExportState.Done);

        var transcript = Assert.Single(fixture.Salesforce.Records("ContentVersion"), v => (string?)v["Title"] == $"Chat transcript of session {session.GetPrimaryKeyString()}");
        var text = Encoding.UTF8.GetString(Convert.FromBase64String((string)transcript["VersionData"]!));
        Assert.Contains("customer: Where is order 42?", text);
        Assert.Contains("agent: It ships today.", text);
        Assert.Equal(contactId, (string?)transcript["FirstPublishLocationId"]);
    }

    [Fact]
    public async Task An_export_interrupted_by_a_silo_restart_completes_once_afterwards()
    {
        var (session, contactId) = await MatchedSessionAsync(SessionChannel.Voice);
        await AnswerAsync(session);
        await session.EndAsync();

        fixture.Salesforce.Down = true;
        await session.CompleteAsync(new WrapUpDetails { Notes = "Restart me" });
        var export = fixture.Grains.GetGrain<IExportGrain>($"{IntegrationNames.Salesforce}/{session.GetPrimaryKeyString()}");
        await Eventually.TrueAsync(async () => (await export.GetStatusAsync()).Attempts >= 1, "a first attempt failed");

        await fixture.Cluster.RestartSiloAsync(fixture.Cluster.Primary!);
        fixture.Salesforce.Down = false;

        var status = await WaitForExportAsync(session, ExportState.Done);
        Assert.Single(fixture.Salesforce.Records("Note"), n => (string?)n["ParentId"] == contactId);
        Assert.True(status.Attempts >= 2);
    }

    private async Task<(ISessionGrain Session, string ContactId)> MatchedSessionAsync(SessionChannel channel)
    {
        var line = Random.Shared.Next(1_000_000, 9_999_999).ToString();
        var contactId = fixture.Salesforce.AddRecord("Contact", new JsonObject { ["LastName"] = "Export" + line, ["Phone"] = $"(303) {line[..3]}-{line[3..]}" });
        var session = fixture.Grains.GetGrain<ISessionGrain>("sf-" + Guid.NewGuid().ToString("n"));
        await session.StartAsync(new SessionStart { Channel = channel, CallerPhoneNumber = $"+1303{line}", CallerIdName = "Export Caller" });
        var outcome = await session.RunNodeAsync(new CustomerLookupNode { NodeId = "lookup", Integration = IntegrationNames.Salesforce });
        Assert.Equal(NodeExit.Match, outcome.Exit);
        return (session, contactId);
    }

    private async Task AnswerAsync(ISessionGrain session)
    {
        var agent = "agent-" + Guid.NewGuid().ToString("n");
        await fixture.Grains.GetGrain<IAgentGrain>(agent).SetStatusAsync(AgentStatus.Available);
        await session.EnqueueAsync("Support");
        await session.OfferAsync(agent);
        await session.AcceptAsync();
    }

    private async Task<ExportStatus> WaitForExportAsync(ISessionGrain session, ExportState state)
    {
        var export = fixture.Grains.GetGrain<IExportGrain>($"{IntegrationNames.Salesforce}/{session.GetPrimaryKeyString()}");
        ExportStatus status = null!;
        await Eventually.TrueAsync(async () => (status = await export.GetStatusAsync()).State == state, $"the export is {state}", TimeSpan.FromSeconds(60));
        return status;
    }
}
