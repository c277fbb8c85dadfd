namespace ClarityConnect.Abstractions.Sessions;

/// <summary>Names of the extra items ClarityConnect itself maintains on every session. Callers cannot set <c>SYSTEM.*</c> items.</summary>
public static class SystemExtraItems
{
    /// <summary>The prefix reserved for system extra items.</summary>
    public const string Prefix = "SYSTEM.";
    /// <summary>The session id.</summary>
    public const string SessionId = "SYSTEM.SessionId";
    /// <summary><c>Voice</c> or <c>Chat</c>.</summary>
    public const string Channel = "SYSTEM.Channel";
    /// <summary>The caller's phone number as received.</summary>
    public const string CallerPhoneNumber = "SYSTEM.CallerPhoneNumber";
    /// <summary>The caller's SIP address.</summary>
    public const string SipAddress = "SYSTEM.SipAddress";
    /// <summary>The caller ID name.</summary>
    public const string CallerIdName = "SYSTEM.CallerIdName";
    /// <summary>The number or SIP URI the customer dialed.</summary>
    public const string DialedNumber = "SYSTEM.DialedNumber";
    /// <summary>The queue the session is or was in.</summary>
    public const string Queue = "SYSTEM.Queue";
    /// <summary>The agent who was offered or handled the session.</summary>
    public const string AgentId = "SYSTEM.AgentId";

    /// <summary>Whether <paramref name="name"/> is reserved for ClarityConnect.</summary>
    public static bool IsSystem(string name) => name.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);
}
