using ClarityConnect.Abstractions.Exports;
using ClarityConnect.Abstractions.Sessions;
using ClarityConnect.TestDoubles.Ftp;

namespace ClarityConnect.Csi.Tests;

/// <summary>
/// Uploads to a vsftpd with Debian's default TLS settings, where <c>require_ssl_reuse=YES</c> refuses every data
/// channel that does not resume its control connection's TLS session.
/// </summary>
[Collection(CsiFtpCollection.Name)]
public sealed class CsiFtpsReliabilityTests(CsiFtpClusterFixture fixture)
{
    [VsftpdFact]
    public async Task Exports_of_fifty_sessions_ending_together_land_without_a_retry()
    {
        // 50 sessions of 3 recording pieces and a manifest: 200 uploads, from exports running side by side.
        using var connections = new FtpConnectionCount(fixture.Ftps!.Port);
        var sessions = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => CallAsync(pieces: 3)));

        // An export's grain answers once its attempt is over, so the server's directory tells when they are done.
        await Eventually.TrueAsync(
            () => Task.FromResult(sessions.All(session => Directory.EnumerateFiles(fixture.Ftps.RootDirectory, "manifest.json", SearchOption.AllDirectories)
                .Any(file => file.Contains(session.GetPrimaryKeyString(), StringComparison.Ordinal)))),
            "every session's manifest landed",
            TimeSpan.FromSeconds(120));
        var exports = await Task.WhenAll(sessions.Select(session => CsiUploadSessions.WaitForUploadAsync(fixture.Grains, session, ExportState.Done)));

        Assert.All(exports, export => Assert.Equal((1, 4, null), (export.Attempts, export.Delivered.Count, export.LastError)));
        Assert.Equal(0, connections.Reopened);
        Assert.All(exports, export => Assert.Equal(
            ["manifest.json", "recording-1.wav", "recording-2.wav", "recording-3.wav"],
            Directory.GetFiles(Path.GetDirectoryName(fixture.Ftps.LocalPath(export.Delivered["manifest"]))!).Select(Path.GetFileName).Order(StringComparer.Ordinal)));
    }

    [VsftpdFact]
    public async Task The_files_of_one_export_go_over_one_connection()
    {
        var session = await CallAsync(pieces: 3);

        var export = await CsiUploadSessions.WaitForUploadAsync(fixture.Grains, session, ExportState.Done);

        // vsftpd serves each control connection from its own process: one process, one login, one TLS handshake.
        var directory = Path.GetDirectoryName(export.Delivered["manifest"])!.Replace('\\', '/');
        var stored = fixture.Ftps!.ReadLog().Where(e => e.Kind is "OK UPLOAD" or "OK RENAME" && e.Detail.Contains(directory, StringComparison.Ordinal)).ToList();
        Assert.Equal(8, stored.Count);
        var pids = stored.Select(e => e.Pid).Distinct().ToList();
        Assert.True(pids.Count == 1, $"The export (attempts {export.Attempts}) used {pids.Count} connections; their log:\n"
            + string.Join('\n', fixture.Ftps.ReadLog().Where(e => pids.Contains(e.Pid)).Select(e => $"{e.Pid} {e.Kind} {e.Detail}")));
    }

    private Task<ISessionGrain> CallAsync(int pieces) =>
        CsiUploadSessions.CallAsync(fixture.Grains, fixture.RecordingsDirectory, SessionChannel.Voice, pieces);
}
