namespace ClarityConnect.Abstractions.Agents;

/// <summary>An agent's status in the Agent Console.</summary>
public enum AgentStatus
{
    /// <summary>Not signed in.</summary>
    LoggedOut,
    /// <summary>Ready for a session.</summary>
    Available,
    /// <summary>A session is being offered.</summary>
    Ringing,
    /// <summary>Handling a session.</summary>
    Busy,
    /// <summary>After a session, finishing notes and disposition.</summary>
    WrapUp,
    /// <summary>Signed in but not taking sessions (break, meeting, missed offer).</summary>
    Away,
}
