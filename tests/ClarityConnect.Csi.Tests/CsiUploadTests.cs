using System.Text.Json.Nodes;
using ClarityConnect.Abstractions.Exports;
using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Abstractions.Sessions;

namespace ClarityConnect.Csi.Tests;

[Collection(CsiFtpCollection.Name)]
public sealed class CsiUploadTests(CsiFtpClusterFixture fixture)
{
    [VsftpdFact]
    public async Task Recording_pieces_and_their_manifest_arrive_over_ftps_after_the_session()
    {
        var session = await CallAsync(SessionChannel.Voice, pieces: 2);

        var status = await WaitForUploadAsync(session, ExportState.Done);

        var directory = Path.GetDirectoryName(fixture.Ftps!.LocalPath(status.Delivered["manifest"]))!;
        Assert.Equal("piece-1", await File.ReadAllTextAsync(Path.Combine(directory, "recording-1.wav")));
        Assert.Equal("piece-2", await File.ReadAllTextAsync(Path.Combine(directory, "recording-2.wav")));
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(directory, "manifest.json")))!;
        Assert.Equal("clarityconnect.csi-recording-manifest/1", (string?)manifest["format"]);
        var listed = manifest["pieces"]!.AsArray();
        Assert.Equal(["recording-1.wav", "recording-2.wav"], listed.Select(p => (string?)p!["file"]));
        Assert.All(listed, p => Assert.True(DateTimeOffset.Parse((string)p!["stoppedAt"]!) >= DateTimeOffset.Parse((string)p["startedAt"]!)));
        Assert.True(DateTimeOffset.Parse((string)listed[1]!["startedAt"]!) >= DateTimeOffset.Parse((string)listed[0]!["stoppedAt"]!));
    }

    [VsftpdFact]
    public async Task A_chat_transcript_arrives_over_ftps()
    {
        var session = await CallAsync(SessionChannel.Chat, pieces: 0);

        var status = await WaitForUploadAsync(session, ExportState.Done);

        Assert.Contains("customer: Hello there", await File.ReadAllTextAsync(fixture.Ftps!.LocalPath(status.Delivered["transcript"])));
    }

    [VsftpdFact]
    public async Task A_wrong_password_parks_the_upload_with_the_reason_and_a_retry_after_the_fix_succeeds()
    {
        await fixture.ConfigureAsync(fixture.Ftps!, s => s with { FtpPassword = "wrong-password" });
        try
        {
            var session = await CallAsync(SessionChannel.Voice, pieces: 1);
            var parked = await WaitForUploadAsync(session, ExportState.Failed);
            Assert.Contains("530", parked.LastError);

            await fixture.ConfigureAsync(fixture.Ftps!);
            await fixture.Grains.GetGrain<IExportGrain>($"{IntegrationNames.Csi}/{session.GetPrimaryKeyString()}").RetryAsync();
            Assert.Equal(2, (await WaitForUploadAsync(session, ExportState.Done)).Delivered.Count);
        }
        finally
        {
            await fixture.ConfigureAsync(fixture.Ftps!);
        }
    }

    [VsftpdFact]
    public async Task Ftps_required_against_a_plain_ftp_server_fails_clearly_and_sends_nothing()
    {
        await fixture.ConfigureAsync(fixture.PlainFtp!);
        try
        {
            var session = await CallAsync(SessionChannel.Voice, pieces: 1);
            var parked = await WaitForUploadAsync(session, ExportState.Failed);

            Assert.Contains("FTPS", parked.LastError);
            Assert.Empty(Directory.EnumerateFiles(fixture.PlainFtp!.RootDirectory, "*", SearchOption.AllDirectories));
        }
        finally
        {
            await fixture.ConfigureAsync(fixture.Ftps!);
        }
    }

    [VsftpdFact]
    public async Task With_the_upload_toggles_off_nothing_is_uploaded()
    {
        await fixture.ConfigureAsync(fixture.Ftps!, s => s with { SendSessionRecordings = false, SendSessionTranscript = false });
        try
        {
            var session = await CallAsync(SessionChannel.Voice, pieces: 1);
            var key = Abstractions.Events.ChangeStreams.SessionKey(session.GetPrimaryKeyString());
            var last = (await session.GetAsync()).EventSequence;
            await Eventually.TrueAsync(async () => (await fixture.Grains.GetGrain<Abstractions.Events.ICsiPusherGrain>(key).GetProgressAsync()).HandledSequence == last, "the CSI pusher handled the session");

            var export = await fixture.Grains.GetGrain<IExportGrain>($"{IntegrationNames.Csi}/{session.GetPrimaryKeyString()}").GetStatusAsync();
            Assert.Equal((0, 0), (export.Attempts, export.Delivered.Count));
        }
        finally
        {
            await fixture.ConfigureAsync(fixture.Ftps!);
        }
    }

    [VsftpdFact]
    public async Task Acd_statistics_per_queue_and_interval_arrive_once_skipping_disabled_queues()
    {
        var tag = Guid.NewGuid().ToString("n")[..6];
        await fixture.ConfigureAsync(fixture.Ftps!, s => s with { SendAcdStatistics = true, DisabledQueues = [$"Internal-{tag}"] });
        try
        {
            await CallAsync(SessionChannel.Voice, 0, $"Sales-{tag}");
            await CallAsync(SessionChannel.Chat, 0, $"Sales-{tag}");
            await CallAsync(SessionChannel.Voice, 0, $"Sales-{tag}", abandon: true);
            await CallAsync(SessionChannel.Voice, 0, $"Internal-{tag}");

            List<string[]> Rows(string queue) => Directory.EnumerateFiles(fixture.Ftps!.RootDirectory, "acd-*.csv", SearchOption.AllDirectories)
                .SelectMany(File.ReadAllLines).Skip(0).Where(l => l.StartsWith(queue + ",", StringComparison.Ordinal)).Select(l => l.Split(',')).ToList();
            int Sum(string queue, int column) => Rows(queue).Sum(r => int.Parse(r[column]));
            try
            {
                await Eventually.TrueAsync(() => Task.FromResult(Sum($"Sales-{tag}", 3) == 3 && Sum($"Sales-{tag}", 4) == 2 && Sum($"Sales-{tag}", 5) == 1),
                    "the intervals with 3 offered, 2 answered and 1 abandoned are uploaded", TimeSpan.FromSeconds(30));
            }
            catch (TimeoutException timeout)
            {
                var files = Directory.EnumerateFiles(fixture.Ftps!.RootDirectory, "*", SearchOption.AllDirectories).Select(f => f + ": " + File.ReadAllText(f).Replace("\n", " | "));
                throw new TimeoutException($"{timeout.Message}; files: {string.Join(" ;; ", files.Where(f => f.Contains("acd")))}");
            }

            Assert.Empty(Rows($"Internal-{tag}"));
            var header = File.ReadLines(Directory.EnumerateFiles(fixture.Ftps!.RootDirectory, "acd-*.csv", SearchOption.AllDirectories).First()).First();
            Assert.Equal("queue,interval_start,interval_end,offered,answered,abandoned,average_speed_of_answer_seconds,average_handle_time_seconds,longest_wait_seconds,service_level_percent", header);
        }
        finally
        {
            await fixture.ConfigureAsync(fixture.Ftps!);
        }
    }

    private Task<ISessionGrain> CallAsync(SessionChannel channel, int pieces, string queue = "Support", bool abandon = false) =>
        CsiUploadSessions.CallAsync(fixture.Grains, fixture.RecordingsDirectory, channel, pieces, queue, abandon);

    private Task<ExportStatus> WaitForUploadAsync(ISessionGrain session, ExportState state) =>
        CsiUploadSessions.WaitForUploadAsync(fixture.Grains, session, state);
}
