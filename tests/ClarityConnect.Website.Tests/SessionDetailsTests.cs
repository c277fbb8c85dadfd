using System.Globalization;
using System.Text.RegularExpressions;
using ClarityConnect.Abstractions.Exports;
using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Abstractions.Sessions;
using ClarityConnect.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClarityConnect.Website.Tests;

/// <summary>The Session Details page, the link every CRM export writes into its call-details note, in Chromium.</summary>
public sealed class SessionDetailsTests(WebsiteFixture site) : BrowserTest(site)
{
    [Fact]
    public async Task A_signed_out_browser_opening_a_session_signs_in_and_sees_its_caller_data()
    {
        var id = "web-" + Guid.NewGuid().ToString("n");
        await Site.Grains.GetGrain<ISessionGrain>(id).StartAsync(new SessionStart
        {
            Channel = SessionChannel.Voice,
            CallerPhoneNumber = "+1 415 555 0100",
            CallerIdName = "Ann O'Brien",
            DialedNumber = "+1 800 555 0199",
        });

        await Page.GotoAsync("sessions/" + id);
        await Page.SubmitKeyAsync(WebsiteFixture.ApiKey);

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Session Details", Level = 1 })).ToBeVisibleAsync();
        var details = Page.Locator("dl.details");
        await Expect(details).ToContainTextAsync(id);
        await Expect(details).ToContainTextAsync("+1 415 555 0100");
        await Expect(details).ToContainTextAsync("Ann O'Brien");
        await Expect(details).ToContainTextAsync("+1 800 555 0199");
        await Expect(details).ToContainTextAsync("Voice");
    }

    [Fact]
    public async Task An_unknown_session_says_so()
    {
        await Page.SignInAsync();

        await Page.GotoAsync("sessions/no-such-session");

        await Expect(Page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("There is no session 'no-such-session'.");
    }

    [Fact]
    public async Task A_session_driven_through_the_cluster_shows_every_section_and_plays_its_recording()
    {
        var (grain, missing) = await Site.FailedExportAsync();
        var id = grain.GetPrimaryKeyString();
        var session = await grain.GetAsync();
        await Page.SignInAsync();

        await Page.GotoAsync("sessions/" + id);

        var details = Page.Locator("dl.details");
        foreach (var value in new[] { session.CallerPhoneNumber!, session.SipAddress!, "Ann O'Brien", "+1 800 555 0199", "Voice", "Support", session.AgentId!, "Resolved", "Refund", "Customer happy", "Completed" })
        {
            await Expect(details).ToContainTextAsync(value);
        }

        // The status history: one entry per change, in order, each with its machine-readable time.
        var timeline = Page.GetByRole(AriaRole.Region, new() { Name = "Status history" }).Locator("ol.timeline > li");
        await Expect(timeline).ToHaveCountAsync(session.History.Count);
        for (var i = 0; i < session.History.Count; i++)
        {
            var change = session.History[i];
            await Expect(timeline.Nth(i)).ToContainTextAsync(change.From is null ? $"created as {change.To}" : $"{change.From} → {change.To}");
            Assert.Equal(change.At, DateTimeOffset.Parse((await timeline.Nth(i).Locator("time").First.GetAttributeAsync("datetime"))!, CultureInfo.InvariantCulture));
        }

        var extraItems = Page.GetByRole(AriaRole.Region, new() { Name = "Extra items" });
        await Expect(extraItems.GetByRole(AriaRole.Row, new() { Name = "OrderNumber 42" })).ToBeVisibleAsync();

        var run = Assert.Single(session.NodeRuns);
        var record = run.Outcome.Records[0];
        var nodeRow = Page.GetByRole(AriaRole.Region, new() { Name = "Node runs" }).GetByRole(AriaRole.Row).Filter(new() { HasText = "caller-lookup" });
        await Expect(nodeRow).ToContainTextAsync("CustomerLookup");
        await Expect(nodeRow).ToContainTextAsync("Match");
        await Expect(nodeRow.GetByRole(AriaRole.Link, new() { Name = record.Name! })).ToHaveAttributeAsync("href", record.Url.ToString());

        // Two pieces: the pause between them is shown, and the first one plays in the page, served with range support.
        var recordings = Page.GetByRole(AriaRole.Region, new() { Name = "Recordings" });
        await Expect(recordings.Locator("ol.recordings > li")).ToHaveCountAsync(2);
        await Expect(recordings.Locator("ol.recordings > li").Nth(1)).ToContainTextAsync("Paused at");
        var player = recordings.Locator("audio[controls]").First;
        var source = (await player.GetAttributeAsync("src"))!;
        var audio = await Context.APIRequest.GetAsync(source);
        Assert.Equal(200, audio.Status);
        Assert.Equal("audio/wav", audio.Headers["content-type"]);
        Assert.Equal(WaveFile.Tone(), await audio.BodyAsync());
        var range = await Context.APIRequest.GetAsync(source, new() { Headers = new Dictionary<string, string> { ["Range"] = "bytes=0-3" } });
        Assert.Equal(206, range.Status);
        Assert.Equal("RIFF"u8.ToArray(), await range.BodyAsync());
        Assert.True(await player.EvaluateAsync<bool>("(audio) => new Promise(done => { audio.onloadedmetadata = () => done(audio.duration > 0); audio.onerror = () => done(false); audio.load(); })"));

        // The export failed for want of the second piece's audio: its error is shown, with a Retry button.
        var exportRow = Page.GetByRole(AriaRole.Region, new() { Name = "Exports" }).GetByRole(AriaRole.Row).Filter(new() { HasText = "salesforce" });
        await Expect(exportRow).ToContainTextAsync("Failed");
        await Expect(exportRow).ToContainTextAsync(Path.GetFileName(missing));
        await Page.AssertAccessibleAsync(Site.ScreenshotDirectory, "session-details-driven");

        await File.WriteAllBytesAsync(missing, WaveFile.Tone());
        await exportRow.GetByRole(AriaRole.Button, new() { Name = "Retry salesforce export", Exact = true }).ClickAsync();

        await Expect(Page).ToHaveURLAsync(new Uri(Site.Address, "sessions/" + id).ToString());
        await Expect(exportRow).Not.ToContainTextAsync("Failed");
        await new SessionDriver(Site.Grains).WaitForExportAsync(IntegrationNames.Salesforce, id, ExportState.Done);
        await Page.ReloadAsync();
        await Expect(exportRow).ToContainTextAsync("Done");
        await Expect(exportRow.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_chat_session_shows_its_transcript_in_order()
    {
        var id = "web-chat-" + Guid.NewGuid().ToString("n");
        var session = Site.Grains.GetGrain<ISessionGrain>(id);
        await session.StartAsync(new SessionStart { Channel = SessionChannel.Chat, SipAddress = "visitor@example.com", CallerIdName = "Visitor" });
        await new SessionDriver(Site.Grains).AnswerAsync(session);
        await session.AddTranscriptMessageAsync(new TranscriptMessage { Sender = "customer", Text = "Where is order 42?" });
        await session.AddTranscriptMessageAsync(new TranscriptMessage { Sender = "agent", Text = "It ships <today>." });
        await Page.SignInAsync();

        await Page.GotoAsync("sessions/" + id);

        var messages = Page.GetByRole(AriaRole.Region, new() { Name = "Chat transcript" }).GetByRole(AriaRole.Listitem);
        await Expect(messages).ToHaveCountAsync(2);
        await Expect(messages.Nth(0)).ToContainTextAsync("customer: Where is order 42?");
        await Expect(messages.Nth(1)).ToContainTextAsync("agent: It ships <today>.");
        await Expect(messages.Nth(1).Locator("time")).ToHaveAttributeAsync("datetime", new Regex("^\\d{4}-\\d{2}-\\d{2}T"));
        await Page.AssertAccessibleAsync(Site.ScreenshotDirectory, "session-details-chat");
    }

    [Fact]
    public async Task The_recording_endpoint_serves_nothing_outside_the_recordings_root()
    {
        await Site.ConfigurePlatformAsync(Site.RecordingsDirectory);
        var outside = Path.Combine(Site.DataDirectory, "outside-" + Guid.NewGuid().ToString("n") + ".wav");
        await File.WriteAllBytesAsync(outside, WaveFile.Tone());
        var id = "web-traversal-" + Guid.NewGuid().ToString("n");
        var session = Site.Grains.GetGrain<ISessionGrain>(id);
        await session.StartAsync(new SessionStart { Channel = SessionChannel.Voice });
        await new SessionDriver(Site.Grains).AnswerAsync(session);
        // A location that climbs out of the root (a platform bug or a forged event), then a file inside it that is no audio.
        await session.StartRecordingAsync("../" + Path.GetFileName(outside));
        await session.StopRecordingAsync();
        await File.WriteAllTextAsync(Path.Combine(Site.RecordingsDirectory, id + ".txt"), "not audio");
        await session.StartRecordingAsync(id + ".txt");
        await session.StopRecordingAsync();
        await Page.SignInAsync();

        var climbing = await Context.APIRequest.GetAsync($"sessions/{id}/recordings/1");
        var notAudio = await Context.APIRequest.GetAsync($"sessions/{id}/recordings/2");
        var pathInUrl = await Context.APIRequest.GetAsync($"sessions/{id}/recordings/..%2F..%2F{Path.GetFileName(outside)}");

        Assert.Equal(403, climbing.Status);
        Assert.DoesNotContain("RIFF", await climbing.TextAsync());
        Assert.Equal(404, notAudio.Status);
        Assert.Equal(404, pathInUrl.Status);
    }

    [Fact]
    public async Task A_signed_out_browser_cannot_fetch_a_recording()
    {
        var id = "web-" + Guid.NewGuid().ToString("n");

        var response = await Context.APIRequest.GetAsync($"sessions/{id}/recordings/1", new() { MaxRedirects = 0 });

        Assert.Equal(401, response.Status);
    }

    [Fact]
    public async Task Under_an_https_recordings_root_the_player_loads_the_piece_from_there_and_the_policy_allows_it()
    {
        await Site.ConfigurePlatformAsync("https://recordings.example.com/calls");
        var id = "web-https-" + Guid.NewGuid().ToString("n");
        var session = Site.Grains.GetGrain<ISessionGrain>(id);
        await session.StartAsync(new SessionStart { Channel = SessionChannel.Voice });
        await new SessionDriver(Site.Grains).AnswerAsync(session);
        await session.StartRecordingAsync($"2026/{id}.wav");
        await session.StopRecordingAsync();
        await session.StartRecordingAsync("../../elsewhere/secret.wav");
        await session.StopRecordingAsync();
        await Page.SignInAsync();

        var response = await Page.GotoAsync("sessions/" + id);

        Assert.Contains("media-src 'self' https://recordings.example.com", (await response!.AllHeadersAsync())["content-security-policy"]);
        var players = Page.Locator("audio[controls]");
        await Expect(players.Nth(0)).ToHaveAttributeAsync("src", $"https://recordings.example.com/calls/2026/{id}.wav");
        // The piece climbing out of the root's path gets the site's endpoint, which refuses it.
        var refused = await Context.APIRequest.GetAsync((await players.Nth(1).GetAttributeAsync("src"))!);
        Assert.Equal(403, refused.Status);
        await Site.ConfigurePlatformAsync(Site.RecordingsDirectory);
    }
}
