using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Abstractions.Nodes;
using ClarityConnect.Abstractions.Sessions;
using ClarityConnect.Grains.Sessions;

namespace ClarityConnect.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class SessionDataTests(CoreClusterFixture fixture)
{
    private readonly SessionDriver _driver = new(fixture.Grains);

    [Fact]
    public async Task A_started_session_holds_the_caller_data_and_system_extra_items()
    {
        var (session, _) = await _driver.NewAsync(SessionStatus.Queued);
        var snapshot = await session.GetAsync();
        var call = SessionDriver.VoiceCall;

        Assert.Equal((call.CallerPhoneNumber, call.SipAddress, call.CallerIdName, call.DialedNumber, "Support"),
            (snapshot.CallerPhoneNumber, snapshot.SipAddress, snapshot.CallerIdName, snapshot.DialedNumber, snapshot.Queue));
        Assert.Equal(session.GetPrimaryKeyString(), snapshot.ExtraItems[SystemExtraItems.SessionId]);
        Assert.Equal(call.CallerPhoneNumber, snapshot.ExtraItems[SystemExtraItems.CallerPhoneNumber]);
        Assert.Equal("Support", snapshot.ExtraItems[SystemExtraItems.Queue]);
        Assert.Equal("A-1001", snapshot.ExtraItems["AccountNumber"]);
        Assert.Null(snapshot.History[0].From);
        Assert.Equal(SessionStatus.New, snapshot.History[0].To);
        Assert.Equal(SessionStatus.Queued, snapshot.History[1].To);
    }

    [Fact]
    public async Task Starting_again_with_the_same_data_is_harmless_but_different_data_is_refused()
    {
        var (session, _) = await _driver.NewAsync(SessionStatus.New);

        await session.StartAsync(SessionDriver.VoiceCall);
        var error = await Assert.ThrowsAsync<InvalidRequestException>(() => session.StartAsync(SessionDriver.VoiceCall with { CallerIdName = "Mallory" }));

        Assert.Equal("SessionStart", error.Field);
        var snapshot = await session.GetAsync();
        Assert.Equal("Alice Example", snapshot.CallerIdName);
        Assert.Equal(1, snapshot.EventSequence);
    }

    [Fact]
    public async Task Recording_pieces_keep_their_start_and_stop_times_and_end_closes_an_open_piece()
    {
        var (session, _) = await _driver.NewAsync(SessionStatus.Active);

        await session.StartRecordingAsync("2026/11/24/piece-1.wav");
        await session.StopRecordingAsync();
        await session.HoldAsync();
        await session.StartRecordingAsync("2026/11/24/piece-2.wav");
        await session.ResumeAsync();
        await session.EndAsync();

        var pieces = (await session.GetAsync()).Recordings;
        Assert.Equal([1, 2], pieces.Select(p => p.Number));
        Assert.Equal(["2026/11/24/piece-1.wav", "2026/11/24/piece-2.wav"], pieces.Select(p => p.Location));
        Assert.All(pieces, p => Assert.True(p.StoppedAt >= p.StartedAt));
        Assert.True(pieces[1].StartedAt >= pieces[0].StoppedAt);
    }

    [Fact]
    public async Task Recording_rules_name_what_is_wrong()
    {
        var (queued, _) = await _driver.NewAsync(SessionStatus.Queued);
        Assert.Contains("Active or Held", (await Assert.ThrowsAsync<InvalidRequestException>(() => queued.StartRecordingAsync("x.wav"))).Message);

        var (active, _) = await _driver.NewAsync(SessionStatus.Active);
        Assert.Contains("not recording", (await Assert.ThrowsAsync<InvalidRequestException>(() => active.StopRecordingAsync())).Message);
        await active.StartRecordingAsync("a.wav");
        Assert.Contains("still recording", (await Assert.ThrowsAsync<InvalidRequestException>(() => active.StartRecordingAsync("b.wav"))).Message);
        Assert.Single((await active.GetAsync()).Recordings);

        var (chat, _) = await _driver.NewAsync(SessionStatus.Active, SessionChannel.Chat);
        Assert.Contains("chat", (await Assert.ThrowsAsync<InvalidRequestException>(() => chat.StartRecordingAsync("c.wav"))).Message);
    }

    [Fact]
    public async Task A_chat_keeps_its_transcript_in_order_and_a_voice_call_has_none()
    {
        var (chat, _) = await _driver.NewAsync(SessionStatus.Active, SessionChannel.Chat);
        await chat.AddTranscriptMessageAsync(new TranscriptMessage { Sender = "customer", Text = "Hi, my order is late" });
        await chat.AddTranscriptMessageAsync(new TranscriptMessage { Sender = "agent", Text = "Let me check that for you" });

        var transcript = (await chat.GetAsync()).Transcript;
        Assert.Equal(["customer", "agent"], transcript.Select(m => m.Sender));
        Assert.All(transcript, m => Assert.NotEqual(default, m.SentAt));

        var (voice, _) = await _driver.NewAsync(SessionStatus.Active);
        await Assert.ThrowsAsync<InvalidRequestException>(() => voice.AddTranscriptMessageAsync(new TranscriptMessage { Sender = "agent", Text = "x" }));
    }

    [Fact]
    public async Task Extra_items_can_be_set_and_removed_but_system_items_are_refused()
    {
        var (session, _) = await _driver.NewAsync(SessionStatus.Queued);

        await session.SetExtraItemsAsync(new Dictionary<string, string> { ["Ticket"] = "T-77", ["AccountNumber"] = "" });
        var error = await Assert.ThrowsAsync<InvalidRequestException>(() =>
            session.SetExtraItemsAsync(new Dictionary<string, string> { ["Other"] = "1", ["SYSTEM.CallerIdName"] = "Mallory" }));

        Assert.Contains("SYSTEM.CallerIdName", error.Field);
        var items = (await session.GetAsync()).ExtraItems;
        Assert.Equal("T-77", items["Ticket"]);
        Assert.False(items.ContainsKey("AccountNumber"));
        Assert.False(items.ContainsKey("Other"));
        Assert.Equal("Alice Example", items[SystemExtraItems.CallerIdName]);
    }

    [Fact]
    public async Task Oversized_notes_are_refused_with_the_field_named()
    {
        var (session, _) = await _driver.NewAsync(SessionStatus.WrapUp);
        var error = await Assert.ThrowsAsync<InvalidRequestException>(() =>
            session.SetWrapUpDetailsAsync(new WrapUpDetails { Notes = new string('x', SessionInput.MaxTextLength + 1) }));
        Assert.Equal("Notes", error.Field);
        Assert.Null((await session.GetAsync()).Notes);
    }

    [Fact]
    public async Task A_node_on_a_disabled_integration_takes_the_no_match_exit_and_says_why()
    {
        var (session, _) = await _driver.NewAsync(SessionStatus.New);

        var outcome = await session.RunNodeAsync(new CustomerLookupNode { NodeId = "n1", Integration = IntegrationNames.Dynamics });

        Assert.Equal(NodeExit.NoMatch, outcome.Exit);
        Assert.Contains("disabled", outcome.Reason);
        var run = Assert.Single((await session.GetAsync()).NodeRuns);
        Assert.Equal(("n1", "CustomerLookup", NodeExit.NoMatch), (run.NodeId, run.Kind, run.Outcome.Exit));
    }

    [Fact]
    public async Task An_invalid_node_definition_is_refused_with_the_member_named()
    {
        var (session, _) = await _driver.NewAsync(SessionStatus.New);
        var error = await Assert.ThrowsAsync<InvalidRequestException>(() => session.RunNodeAsync(
            new CustomerLookupNode { NodeId = "n1", Integration = IntegrationNames.Salesforce, LookupType = LookupType.ExtraItemKey }));
        Assert.Equal("ExtraItemName", error.Field);

        error = await Assert.ThrowsAsync<InvalidRequestException>(() => session.RunNodeAsync(
            new AdvancedLookupNode { NodeId = "n2", Integration = IntegrationNames.Salesforce, PrimaryObject = "Case", Fields = [new FieldMapping { Field = "Id" }] }));
        Assert.Equal("Condition", error.Field);
        Assert.Empty((await session.GetAsync()).NodeRuns);
    }
}
