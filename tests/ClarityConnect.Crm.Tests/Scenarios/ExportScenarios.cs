using System.Text;
using ClarityConnect.Abstractions.Exports;
using ClarityConnect.Abstractions.Nodes;
using ClarityConnect.Abstractions.Sessions;

namespace ClarityConnect.Crm.Tests.Scenarios;

/// <summary>After wrap-up, recordings, the call details note and chat transcripts reach the linked record exactly once.</summary>
public abstract class ExportScenarios<TFixture>(TFixture fixture) : CrmScenario<TFixture>(fixture)
    where TFixture : CrmClusterFixture
{
    [Fact]
    public async Task Recordings_and_the_call_details_note_arrive_once_although_the_crm_refuses_the_first_attempts()
    {
        var (session, contactId) = await MatchedSessionAsync(SessionChannel.Voice);
        var id = session.GetPrimaryKeyString();
        await File.WriteAllBytesAsync(Path.Combine(Fixture.RecordingsDirectory, $"{id}-1.wav"), Encoding.ASCII.GetBytes("RIFF-one"));
        await File.WriteAllBytesAsync(Path.Combine(Fixture.RecordingsDirectory, $"{id}-2.wav"), Encoding.ASCII.GetBytes("RIFF-two"));
        await new SessionDriver(Fixture.Grains).AnswerAsync(session);
        await SessionDriver.RecordAsync(session, $"{id}-1.wav", $"{id}-2.wav");
        await session.EndAsync();

        Crm.FailNext(4);
        await session.CompleteAsync(new WrapUpDetails { Disposition = "Resolved", SubDisposition = "Refund", Notes = "Customer happy" });
        var status = await WaitForExportAsync(session, ExportState.Done);

        var written = Crm.Written.Where(w => w.Title.EndsWith($"session {id}", StringComparison.Ordinal)).ToList();
        Assert.Equal([$"Call details of session {id}", $"Recording 1 of session {id}", $"Recording 2 of session {id}"], written.Select(w => w.Title).Order(StringComparer.Ordinal));
        Assert.All(written, w => Assert.Equal(contactId, w.RecordId));
        Assert.Equal("RIFF-one", written.Single(w => w.Title == $"Recording 1 of session {id}" && w.IsFile).Text);
        var body = Assert.Single(Crm.Written, w => w.RecordId == contactId && !w.IsFile).Text;
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
        await new SessionDriver(Fixture.Grains).AnswerAsync(session);
        await session.AddTranscriptMessageAsync(new TranscriptMessage { Sender = "customer", Text = "Where is order 42?" });
        await session.AddTranscriptMessageAsync(new TranscriptMessage { Sender = "agent", Text = "It ships today." });
        await session.EndAsync();
        await session.CompleteAsync();

        await WaitForExportAsync(session, ExportState.Done);

        var transcript = Assert.Single(Crm.Written, w => w.Title == $"Chat transcript of session {session.GetPrimaryKeyString()}");
        Assert.True(transcript.IsFile);
        Assert.Contains("customer: Where is order 42?", transcript.Text);
        Assert.Contains("agent: It ships today.", transcript.Text);
        Assert.Equal(contactId, transcript.RecordId);
    }

    [Fact]
    public async Task An_export_interrupted_by_a_silo_restart_completes_once_afterwards()
    {
        var (session, contactId) = await MatchedSessionAsync(SessionChannel.Voice);
        await new SessionDriver(Fixture.Grains).AnswerAndEndAsync(session);

        Crm.Down = true;
        await session.CompleteAsync(new WrapUpDetails { Notes = "Restart me" });
        var export = ExportOf(session);
        await Eventually.TrueAsync(async () => (await export.GetStatusAsync()).Attempts >= 1, "a first attempt failed");

        await Fixture.Cluster.RestartSiloAsync(Fixture.Cluster.Primary!);
        Crm.Down = false;

        var status = await WaitForExportAsync(session, ExportState.Done);
        Assert.Single(Crm.Written, w => w.RecordId == contactId);
        Assert.True(status.Attempts >= 2);
    }

    private async Task<(ISessionGrain Session, string ContactId)> MatchedSessionAsync(SessionChannel channel)
    {
        var line = Random.Shared.Next(1_000_000, 9_999_999).ToString();
        var contactId = Crm.AddContact(new CrmContact("Export" + line) { Phone = $"(303) {line[..3]}-{line[3..]}" });
        var (session, outcome) = await RunAsync(
            new SessionStart { Channel = channel, CallerPhoneNumber = $"+1303{line}", CallerIdName = "Export Caller" },
            new CustomerLookupNode { NodeId = "lookup", Integration = Crm.Integration });
        Assert.Equal(NodeExit.Match, outcome.Exit);
        return (session, contactId);
    }
}
