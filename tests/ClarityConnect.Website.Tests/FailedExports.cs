using System.Text.Json.Nodes;
using ClarityConnect.Abstractions.Crm;
using ClarityConnect.Abstractions.Exports;
using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Abstractions.Nodes;
using ClarityConnect.Abstractions.Sessions;
using ClarityConnect.Testing;

namespace ClarityConnect.Website.Tests;

/// <summary>
/// The session the Exports and Session Details pages are tested on: a caller a Customer Lookup matched to a Salesforce
/// contact, answered with two recording pieces, wrapped up, and its export to Salesforce parked as failed. The session's
/// life is driven by <see cref="SessionDriver"/>; what is here is the caller data and the failure those pages show.
/// </summary>
internal static class FailedExports
{
    /// <summary>
    /// An answered voice call with two recording pieces whose export to Salesforce is parked as failed: the audio of the
    /// second piece is missing from the recordings root. Returns the session and the missing file (writing it fixes the export).
    /// </summary>
    public static async Task<(ISessionGrain Session, string MissingRecording)> FailedExportAsync(this WebsiteFixture site)
    {
        await site.ConfigureSalesforceExportsAsync();
        var session = await site.MatchedSessionAsync();
        var id = session.GetPrimaryKeyString();
        await File.WriteAllBytesAsync(Path.Combine(site.RecordingsDirectory, $"{id}-1.wav"), WaveFile.Tone());
        var driver = new SessionDriver(site.Grains);
        await driver.AnswerAsync(session);
        await SessionDriver.RecordAsync(session, $"{id}-1.wav", $"{id}-2.wav");
        await session.EndAsync();
        await session.CompleteAsync(new WrapUpDetails { Disposition = "Resolved", SubDisposition = "Refund", Notes = "Customer happy" });

        await driver.WaitForExportAsync(IntegrationNames.Salesforce, id, ExportState.Failed);
        return (session, Path.Combine(site.RecordingsDirectory, $"{id}-2.wav"));
    }

    /// <summary>A voice session whose caller a Customer Lookup matched to a new Salesforce contact (the session is linked to it).</summary>
    private static async Task<ISessionGrain> MatchedSessionAsync(this WebsiteFixture site)
    {
        var line = Random.Shared.Next(1_000_000, 9_999_999).ToString();
        site.Salesforce.AddRecord("Contact", new JsonObject { ["LastName"] = "Caller" + line, ["Phone"] = $"(303) {line[..3]}-{line[3..]}" });
        var session = site.Grains.GetGrain<ISessionGrain>("web-" + Guid.NewGuid().ToString("n"));
        await session.StartAsync(new SessionStart
        {
            Channel = SessionChannel.Voice,
            CallerPhoneNumber = $"+1303{line}",
            SipAddress = $"sip:caller{line}@example.com",
            CallerIdName = "Ann O'Brien",
            DialedNumber = "+1 800 555 0199",
            ExtraItems = new Dictionary<string, string> { ["OrderNumber"] = "42" },
        });
        var lookup = await session.RunNodeAsync(new CustomerLookupNode { NodeId = "caller-lookup", Integration = IntegrationNames.Salesforce });
        Assert.Equal(NodeExit.Match, lookup.Exit);
        return session;
    }
}
