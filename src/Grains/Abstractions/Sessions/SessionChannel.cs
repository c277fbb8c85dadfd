namespace ClarityConnect.Abstractions.Sessions;

/// <summary>The media of a session.</summary>
public enum SessionChannel
{
    /// <summary>A telephone or SIP call; may have recordings.</summary>
    Voice,
    /// <summary>A web chat; has a transcript.</summary>
    Chat,
}
