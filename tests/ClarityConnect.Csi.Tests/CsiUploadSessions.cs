using System.Text;
using ClarityConnect.Abstractions.Exports;
using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Abstractions.Sessions;

namespace ClarityConnect.Csi.Tests;

/// <summary>Sessions whose end starts an upload to CSI's FTP server, and the exports that carry them.</summary>
internal static class CsiUploadSessions
{
    /// <summary>
    /// Runs a session to completion (or abandons it): a voice session records <paramref name="pieces"/> pieces whose
    /// audio is written under <paramref name="recordingsDirectory"/>, a chat session gets a one-line transcript.
    /// </summary>
    public static async Task<ISessionGrain> CallAsync(
        IGrainFactory grains, string recordingsDirectory, SessionChannel channel, int pieces,
        string queue = "Support", bool abandon = false, string idPrefix = "csi-")
    {
        var id = idPrefix + Guid.NewGuid().ToString("n");
        var session = grains.GetGrain<ISessionGrain>(id);
        await session.StartAsync(new SessionStart { Channel = channel, CallerPhoneNumber = "+1 415 555 0100" });
        if (abandon)
        {
            await session.EnqueueAsync(queue);
            await session.AbandonAsync("caller hung up");
            return session;
        }

        await new SessionDriver(grains).AnswerAsync(session, queue);
        for (var n = 1; n <= pieces; n++)
        {
            await File.WriteAllTextAsync(Path.Combine(recordingsDirectory, $"{id}-{n}.wav"), $"piece-{n}", Encoding.ASCII);
            await session.StartRecordingAsync($"{id}-{n}.wav");
            await session.StopRecordingAsync();
        }

        if (channel == SessionChannel.Chat)
        {
            await session.AddTranscriptMessageAsync(new TranscriptMessage { Sender = "customer", Text = "Hello there" });
        }

        await session.EndAsync();
        await session.CompleteAsync();
        return session;
    }

    /// <summary>The CSI export of <paramref name="session"/>.</summary>
    public static IExportGrain ExportOf(IGrainFactory grains, ISessionGrain session) =>
        grains.GetGrain<IExportGrain>($"{IntegrationNames.Csi}/{session.GetPrimaryKeyString()}");

    /// <summary>Waits until the CSI export of <paramref name="session"/> is in <paramref name="state"/>.</summary>
    public static Task<ExportStatus> WaitForUploadAsync(IGrainFactory grains, ISessionGrain session, ExportState state, TimeSpan? limit = null) =>
        new SessionDriver(grains).WaitForExportAsync(IntegrationNames.Csi, session.GetPrimaryKeyString(), state, limit);
}
