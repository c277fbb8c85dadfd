namespace ClarityConnect.Abstractions.Events;

/// <summary>Names of the Orleans stream that fans change events out to their consumers.</summary>
public static class ChangeStreams
{
    /// <summary>The stream provider's name.</summary>
    public const string ProviderName = "changes";
    /// <summary>The stream namespace every change event is published in; consumers subscribe implicitly.</summary>
    public const string Namespace = "changes";

    /// <summary>The stream (and consumer grain) key of a session's events.</summary>
    public static string SessionKey(string sessionId) => "session/" + sessionId;

    /// <summary>The stream (and consumer grain) key of an agent's events.</summary>
    public static string AgentKey(string agentId) => "agent/" + agentId;
}
