using System.Text;
using System.Text.Json.Nodes;
using ClarityConnect.Abstractions.Crm;
using ClarityConnect.Abstractions.Exports;
using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Abstractions.Nodes;
using ClarityConnect.Abstractions.Sessions;
using ClarityConnect.Testing;

namespace ClarityConnect.Website.Tests;

/// <summary>
/// Sessions driven through the cluster as the telephony platform drives them, for the Sessions, Session Details and
/// Exports pages: a Customer Lookup against the Salesforce double, an answered call with recording pieces, wrap-up,
/// and the post-call export to Salesforce.
/// </summary>
internal static class SessionDriving
{
    /// <summary>The folder the platform setting RecordingsRoot points at.</summary>
    public static string RecordingsDirectory(this WebsiteFixture site) => Directory.CreateDirectory(Path.Combine(site.DataDirectory, "recordings")).FullName;

    /// <summary>
    /// Points the platform's recordings root at <see cref="RecordingsDirectory"/> and Salesforce at the double, enabled,
    /// pushing recordings, notes and transcripts, and authorized through the Key icon's flow.
    /// </summary>
    public static async Task ConfigureSalesforceExportsAsync(this WebsiteFixture site)
    {
        await site.ConfigurePlatformAsync(site.RecordingsDirectory());
        await site.ConfigureAndAuthorizeAsync(site.SalesforceSettings() with
        {
            PushCallRecordings = true,
            PushSessionNotes = true,
            PushSessionTranscript = true,
        });
    }

    /// <summary>A session whose caller a Customer Lookup matched to a new Salesforce contact (the session is linked to it).</summary>
    public static async Task<(ISessionGrain Session, NodeOutcome Lookup)> MatchedSessionAsync(this WebsiteFixture site, SessionChannel channel)
    {
        var line = Random.Shared.Next(1_000_000, 9_999_999).ToString();
        site.Salesforce.AddRecord("Contact", new JsonObject { ["LastName"] = "Caller" + line, ["Phone"] = $"(303) {line[..3]}-{line[3..]}" });
        var session = site.Grains.GetGrain<ISessionGrain>("web-" + Guid.NewGuid().ToString("n"));
        await session.StartAsync(new SessionStart
        {
            Channel = channel,
            CallerPhoneNumber = $"+1303{line}",
            SipAddress = $"sip:caller{line}@example.com",
            CallerIdName = "Ann O'Brien",
            DialedNumber = "+1 800 555 0199",
            ExtraItems = new Dictionary<string, string> { ["OrderNumber"] = "42" },
        });
        var lookup = await session.RunNodeAsync(new CustomerLookupNode { NodeId = "caller-lookup", Integration = IntegrationNames.Salesforce });
        Assert.Equal(NodeExit.Match, lookup.Exit);
        return (session, lookup);
    }

    /// <summary>
    /// An answered voice call with two recording pieces whose export to Salesforce is parked as failed: the audio of the
    /// second piece is missing from the recordings root. Returns the session and the missing file (writing it fixes the export).
    /// </summary>
    public static async Task<(ISessionGrain Session, string MissingRecording)> FailedExportAsync(this WebsiteFixture site)
    {
        await site.ConfigureSalesforceExportsAsync();
        var (session, _) = await site.MatchedSessionAsync(SessionChannel.Voice);
        var id = session.GetPrimaryKeyString();
        await File.WriteAllBytesAsync(Path.Combine(site.RecordingsDirectory(), $"{id}-1.wav"), Wave());
        await new SessionDriver(site.Grains).AnswerAsync(session);
        await session.StartRecordingAsync($"{id}-1.wav");
        await session.StopRecordingAsync();
        await session.StartRecordingAsync($"{id}-2.wav");
        await session.EndAsync();
        await session.CompleteAsync(new WrapUpDetails { Disposition = "Resolved", SubDisposition = "Refund", Notes = "Customer happy" });

        await site.WaitForExportAsync(id, ExportState.Failed);
        return (session, Path.Combine(site.RecordingsDirectory(), $"{id}-2.wav"));
    }

    /// <summary>Waits until the session's Salesforce export is in <paramref name="state"/>, as the listing (the Exports page) shows it.</summary>
    public static Task<ExportStatus> WaitForExportAsync(this WebsiteFixture site, string sessionId, ExportState state) =>
        new SessionDriver(site.Grains).WaitForExportAsync(IntegrationNames.Salesforce, sessionId, state);

    /// <summary>A short, valid PCM WAVE file (8 kHz, 8-bit mono, a tenth of a second of a tone).</summary>
    public static byte[] Wave()
    {
        const int samples = 800;
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream, Encoding.ASCII);
        writer.Write("RIFF"u8);
        writer.Write(36 + samples);
        writer.Write("WAVEfmt "u8);
        writer.Write(16);
        writer.Write((short)1);
        writer.Write((short)1);
        writer.Write(8000);
        writer.Write(8000);
        writer.Write((short)1);
        writer.Write((short)8);
        writer.Write("data"u8);
        writer.Write(samples);
        for (var i = 0; i < samples; i++)
        {
            writer.Write((byte)(128 + 100 * Math.Sin(2 * Math.PI * 440 * i / 8000)));
        }

        writer.Flush();
        return stream.ToArray();
    }
}
