using System.Globalization;
using System.Text;
using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Abstractions.Sessions;
using ClarityConnect.Grains.Crm;

namespace ClarityConnect.Grains.Exports;

/// <summary>What a finished session's export consists of, the same for every CRM: recording pieces, the chat transcript and a call-details note.</summary>
public static class ExportPlan
{
    /// <summary>The items to deliver for <paramref name="session"/> under <paramref name="toggles"/>.</summary>
    public static List<ExportItem> For(SessionSnapshot session, ExportToggles toggles, PlatformSettings platform)
    {
        var items = new List<ExportItem>();
        if (toggles.Recordings)
        {
            foreach (var piece in session.Recordings)
            {
                var extension = Path.GetExtension(piece.Location) is { Length: > 1 } ext ? ext : ".wav";
                items.Add(new ExportItem($"recording-{piece.Number}", new CrmFile(
                    $"Recording {piece.Number} of session {session.SessionId}",
                    $"session-{session.SessionId}-recording-{piece.Number}{extension}",
                    extension.Equals(".mp3", StringComparison.OrdinalIgnoreCase) ? "audio/mpeg" : "audio/wav",
                    token => RecordingFiles.OpenAsync(platform.RecordingsRoot, piece.Location, token))));
            }
        }

        if (toggles.Transcript && session.Channel == SessionChannel.Chat && session.Transcript.Count > 0)
        {
            var transcript = Transcript(session);
            items.Add(new ExportItem("transcript", new CrmFile(
                $"Chat transcript of session {session.SessionId}",
                $"session-{session.SessionId}-transcript.txt",
                "text/plain",
                _ => Task.FromResult<Stream>(new MemoryStream(Encoding.UTF8.GetBytes(transcript))))));
        }

        if (toggles.Notes)
        {
            items.Add(new ExportItem("note", NoteTitle: $"Call details of session {session.SessionId}", NoteText: CallDetails(session, platform)));
        }

        return items;
    }

    /// <summary>The Session Details page of the administrative website, or null when its base URL is not configured.</summary>
    public static string? SessionDetailsUrl(PlatformSettings platform, string sessionId) =>
        string.IsNullOrWhiteSpace(platform.AdminWebsiteBaseUrl) ? null
        : $"{platform.AdminWebsiteBaseUrl.TrimEnd('/')}/sessions/{Uri.EscapeDataString(sessionId)}";

    /// <summary>The call details the manual lists, as plain text.</summary>
    public static string CallDetails(SessionSnapshot session, PlatformSettings platform)
    {
        var text = new StringBuilder();
        void Line(string label, object? value)
        {
            if (value is not null && value.ToString() is { Length: > 0 } shown)
            {
                text.Append(label).Append(": ").AppendLine(shown);
            }
        }

        text.AppendLine($"ClarityConnect {session.Channel.ToString().ToLowerInvariant()} session {session.SessionId}");
        Line("Customer name", session.CallerIdName);
        Line("Phone number", session.CallerPhoneNumber);
        Line("SIP address", session.SipAddress);
        Line("Queue", session.Queue);
        Line("Agent", session.AgentId);
        Line("Dialed", session.DialedNumber);
        Line("Started", session.StartedAt?.ToString("u", CultureInfo.InvariantCulture));
        Line("Ended", session.EndedAt?.ToString("u", CultureInfo.InvariantCulture));
        Line("Disposition", session.Disposition);
        Line("Sub-disposition", session.SubDisposition);
        Line("Notes", session.Notes);
        Line("Recordings", session.Recordings.Count > 0 ? session.Recordings.Count : null);
        Line("Session Details", SessionDetailsUrl(platform, session.SessionId));
        return text.ToString();
    }

    /// <summary>A chat transcript as plain text, one <c>[time] sender: text</c> line per message.</summary>
    public static string Transcript(SessionSnapshot session)
    {
        var text = new StringBuilder();
        foreach (var message in session.Transcript)
        {
            text.Append('[').Append(message.SentAt.ToString("u", CultureInfo.InvariantCulture)).Append("] ")
                .Append(message.Sender).Append(": ").AppendLine(message.Text);
        }

        return text.ToString();
    }
}
