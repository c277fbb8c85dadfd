using ClarityConnect.Abstractions.Integrations;

namespace ClarityConnect.Grains.Exports;

/// <summary>What an integration's settings ask to push after a session.</summary>
/// <param name="Recordings">"Push Call Recordings?"</param>
/// <param name="Notes">"Push Session Notes?" — the note with the call details.</param>
/// <param name="Transcript">"Push Session Transcript?"</param>
public sealed record ExportToggles(bool Recordings, bool Notes, bool Transcript)
{
    /// <summary>Whether anything is pushed at all.</summary>
    public bool Any => Recordings || Notes || Transcript;

    /// <summary>The toggles of a CRM's settings; none for an integration without exports or when it is disabled.</summary>
    public static ExportToggles Of(IntegrationSettings settings) => settings switch
    {
        SalesforceSettings { Enabled: true } s => new(s.PushCallRecordings, s.PushSessionNotes, s.PushSessionTranscript),
        DynamicsSettings { Enabled: true } d => new(d.PushCallRecordings, d.PushSessionNotes, d.PushSessionTranscript),
        _ => new(false, false, false),
    };
}
