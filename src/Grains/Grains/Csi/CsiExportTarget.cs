using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Abstractions.Sessions;
using ClarityConnect.Connectors.Ftp;
using ClarityConnect.Grains.Crm;
using ClarityConnect.Grains.Exports;
using ClarityConnect.Grains.Integrations;

namespace ClarityConnect.Grains.Csi;

/// <summary>
/// Uploads a finished session to CSI's FTP server: every recording piece and then a manifest with each piece's start and
/// stop time (so CSI can stitch them and black out the paused parts), and a chat's transcript. See docs/csi-files.md.
/// </summary>
public sealed class CsiExportTarget(IFtpUploader ftp, IntegrationSecrets secrets, CsiFtpTargets targets) : IExportTarget
{
    /// <summary>The manifest's format and version.</summary>
    public const string ManifestFormat = "clarityconnect.csi-recording-manifest/1";

    /// <inheritdoc />
    public string Name => IntegrationNames.Csi;

    /// <inheritdoc />
    public async Task<(IReadOnlyList<ExportItem> Items, string Destination)> PlanAsync(SessionSnapshot session, CancellationToken cancellationToken)
    {
        var settings = await secrets.GetAsync<CsiSettings>(IntegrationNames.Csi);
        var items = new List<ExportItem>();
        if (settings.Enabled && settings.SendSessionRecordings && session.Channel == SessionChannel.Voice && session.Recordings.Count > 0)
        {
            var platform = await secrets.GetAsync<PlatformSettings>(IntegrationNames.Platform);
            foreach (var piece in session.Recordings)
            {
                items.Add(new ExportItem($"recording-{piece.Number}", new CrmFile(
                    $"recording-{piece.Number}", PieceFileName(piece), "audio/wav",
                    token => RecordingFiles.OpenAsync(platform.RecordingsRoot, piece.Location, token))));
            }

            var manifest = Manifest(session);
            items.Add(new ExportItem("manifest", new CrmFile("manifest", "manifest.json", "application/json",
                _ => Task.FromResult<Stream>(new MemoryStream(Encoding.UTF8.GetBytes(manifest))))));
        }

        if (settings.Enabled && settings.SendSessionTranscript && session.Channel == SessionChannel.Chat && session.Transcript.Count > 0)
        {
            var transcript = ExportPlan.Transcript(session);
            items.Add(new ExportItem("transcript", new CrmFile("transcript", "transcript.txt", "text/plain",
                _ => Task.FromResult<Stream>(new MemoryStream(Encoding.UTF8.GetBytes(transcript))))));
        }

        return (items, $"ftp://{settings.FtpHostname}/{Directory(session)}");
    }

    /// <inheritdoc />
    public async Task<string> DeliverAsync(SessionSnapshot session, ExportItem item, CancellationToken cancellationToken)
    {
        var settings = await secrets.GetAsync<CsiSettings>(IntegrationNames.Csi);
        var target = targets.For(settings);
        var directory = Directory(session);
        await using var content = await item.File!.Open(cancellationToken);
        // A file's content never changes under its name, so one already there with the same size is this item,
        // stored by an attempt that ended before the export recorded it (a silo stopped between the two).
        await ftp.UploadOnceAsync(target, directory, item.File.FileName, content, cancellationToken);
        return $"{directory}/{item.File.FileName}";
    }

    /// <summary>The manifest of a session's recording pieces.</summary>
    public static string Manifest(SessionSnapshot session)
    {
        var manifest = new JsonObject
        {
            ["format"] = ManifestFormat,
            ["sessionId"] = session.SessionId,
            ["channel"] = session.Channel.ToString(),
            ["queue"] = session.Queue,
            ["agentId"] = session.AgentId,
            ["startedAt"] = session.StartedAt?.ToString("O", CultureInfo.InvariantCulture),
            ["endedAt"] = session.EndedAt?.ToString("O", CultureInfo.InvariantCulture),
            ["pieces"] = new JsonArray(session.Recordings.Select(piece => (JsonNode)new JsonObject
            {
                ["number"] = piece.Number,
                ["file"] = PieceFileName(piece),
                ["startedAt"] = piece.StartedAt.ToString("O", CultureInfo.InvariantCulture),
                ["stoppedAt"] = piece.StoppedAt?.ToString("O", CultureInfo.InvariantCulture),
            }).ToArray()),
        };
        return manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    // clarityconnect/2026-11-24/{session}: never a path taken from caller data without sanitizing.
    private static string Directory(SessionSnapshot session) =>
        $"clarityconnect/{(session.StartedAt ?? DateTimeOffset.UnixEpoch).UtcDateTime:yyyy-MM-dd}/{FtpFileName.Sanitize(session.SessionId)}";

    private static string PieceFileName(RecordingPiece piece) =>
        $"recording-{piece.Number}.{(Path.GetExtension(piece.Location) is { Length: > 1 and <= 5 } ext ? FtpFileName.Sanitize(ext.TrimStart('.')) : "wav")}";
}
