using System.Text;
using System.Text.Json.Nodes;
using ClarityConnect.Abstractions.Agents;
using ClarityConnect.Abstractions.Exports;
using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Abstractions.Nodes;
using ClarityConnect.Abstractions.Sessions;

namespace ClarityConnect.Dynamics.Tests;

[Collection(DynamicsCollection.Name)]
public sealed class DynamicsExportTests(DynamicsClusterFixture fixture)
{
    [Fact]
    public async Task Dynamics_gets_recordings_and_the_call_details_note_once_although_it_throttles_the_first_attempts()
    {
        var (session, contactId) = await MatchedSessionAsync(SessionChannel.Voice);
        await File.WriteAllBytesAsync(Path.Combine(fixture.RecordingsDirectory, $"{session.GetPrimaryKeyString()}-1.wav"), Encoding.ASCII.GetBytes("RIFF-one"));
        await File.WriteAllBytesAsync(Path.Combine(fixture.RecordingsDirectory, $"{session.GetPrimaryKeyString()}-2.wav"), Encoding.ASCII.GetBytes("RIFF-two"));
        await AnswerAsync(session);
        await session.StartRecordingAsync($"{session.GetPrimaryKeyString()}-1.wav");
        await session.StopRecordingAsync();
        await session.StartRecordingAsync($"{session.GetPrimaryKeyString()}-2.wav");
        await session.EndAsync();

        fixture.Dataverse.FailNext(4, 429, "0x80072322", "Number of requests exceeded the limit of 6000 over time window of 300 seconds.", 0);
        await session.CompleteAsync(new WrapUpDetails { Disposition = "Resolved", SubDisposition = "Refund", Notes = "Customer happy" });
        var status = await WaitForExportAsync(session, ExportState.Done);

        var id = session.GetPrimaryKeyString();
        var annotations = fixture.Dataverse.Records("annotation").Where(a => (string?)a["_objectid_value"] == contactId).ToList();
        Assert.Equal([$"Call details of session {id}", $"Recording 1 of session {id}", $"Recording 2 of session {id}"], annotations.Select(a => (string?)a["subject"]).Order());
        Assert.Equal("RIFF-one", Encoding.ASCII.GetString(Convert.FromBase64String((string)annotations.Single(a => (string?)a["subject"] == $"Recording 1 of session {id}")["documentbody"]!)));
        var body = (string)annotations.Single(a => (string?)a["subject"] == $"Call details of session {id}")["notetext"]!;
        Assert.Contains($"Session Details: https://admin.example.com/sessions/{id}", body);
        Assert.Contains("Disposition: Resolved", body);
        Assert.Contains("Sub-disposition: Refund", body);
        Assert.Contains("Queue: Support", body);
        Assert.Equal(3, status.Delivered.Count);
    }

    [Fact]
    public async Task Dynamics_gets_a_chat_transcript_as_an_annotation_on_the_linked_record()
    {
        var (session, contactId) = await MatchedSessionAsync(SessionChannel.Chat);
        await AnswerAsync(session);
        await session.AddTranscriptMessageAsync(new TranscriptMessage { Sender = "customer", Text = "Where is order 42?" });
        await session.AddTranscriptMessageAsync(new TranscriptMessage { Sender = "agent", Text = "It ships today." });
        await session.EndAsync();
        await session.CompleteAsync();

        await WaitForExportAsync(session, ExportState.Done);

        var transcript = Assert.Single(fixture.Dataverse.Records("annotation"), a => (string?)a["subject"] == $"Chat transcript of session {session.GetPrimaryKeyString()}");
        var text = Encoding.UTF8.GetString(Convert.FromBase64String((string)transcript["documentbody"]!));
        Assert.Contains("customer: Where is order 42?", text);
        Assert.Contains("agent: It ships today.", text);
        Assert.Equal(contactId, (string?)transcript["_objectid_value"]);
    }

    [Fact]
    public async Task Dynamics_export_interrupted_by_a_silo_restart_completes_once_afterwards()
    {
        var (session, contactId) = await MatchedSessionAsync(SessionChannel.Voice);
        await AnswerAsync(session);
        await session.EndAsync();

        fixture.Dataverse.Down = true;
        await session.CompleteAsync(new WrapUpDetails { Notes = "Restart me" });
        var export = fixture.Grains.GetGrain<IExportGrain>($"{IntegrationNames.Dynamics}/{session.GetPrimaryKeyString()}");
        await Eventually.TrueAsync(async () => (await export.GetStatusAsync()).Attempts >= 1, "a first attempt failed");

        await fixture.Cluster.RestartSiloAsync(fixture.Cluster.Primary!);
        fixture.Dataverse.Down = false;

        var status = await WaitForExportAsync(session, ExportState.Done);
        Assert.Single(fixture.Dataverse.Records("annotation"), a => (string?)a["_objectid_value"] == contactId);
        Assert.True(status.Attempts >= 2);
    }

    private async Task<(ISessionGrain Session, string ContactId)> MatchedSessionAsync(SessionChannel channel)
    {
        var line = Random.Shared.Next(1_000_000, 9_999_999).ToString();
        var contactId = fixture.Dataverse.AddRecord("contact", new JsonObject { ["lastname"] = "Export" + line, ["fullname"] = "Export" + line, ["telephone1"] = $"(303) {line[..3]}-{line[3..]}" }).ToString();
        var session = fixture.Grains.GetGrain<ISessionGrain>("dv-" + Guid.NewGuid().ToString("n"));
        await session.StartAsync(new SessionStart { Channel = channel, CallerPhoneNumber = $"+1303{line}", CallerIdName = "Export Caller" });
        var outcome = await session.RunNodeAsync(new CustomerLookupNode { NodeId = "lookup", Integration = IntegrationNames.Dynamics });
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
        var export = fixture.Grains.GetGrain<IExportGrain>($"{IntegrationNames.Dynamics}/{session.GetPrimaryKeyString()}");
        ExportStatus status = null!;
        await Eventually.TrueAsync(async () => (status = await export.GetStatusAsync()).State == state, $"the export is {state}", TimeSpan.FromSeconds(60));
        return status;
    }
}
