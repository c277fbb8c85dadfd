namespace ClarityConnect.Abstractions.Events;

/// <summary>
/// Names of the Orleans stream that fans change events out to their consumers. Each entity kind publishes in a
/// namespace of its own, so a consumer grain subscribes implicitly to the kinds it handles and never receives (nor
/// acknowledges, nor is activated for) the others' events; which consumers handle which kind is ChangeEventRouting's table.
/// </summary>
public static class ChangeStreams
{
    /// <summary>The stream provider's name.</summary>
    public const string ProviderName = "changes";
    /// <summary>The stream namespace of sessions' change events.</summary>
    public const string SessionNamespace = "changes.session";
    /// <summary>The stream namespace of agents' change events.</summary>
    public const string AgentNamespace = "changes.agent";

    private const string SessionPrefix = "session/";
    private const string AgentPrefix = "agent/";

    /// <summary>The stream (and consumer grain) key of a session's events.</summary>
    public static string SessionKey(string sessionId) => SessionPrefix + sessionId;

    /// <summary>The stream (and consumer grain) key of an agent's events.</summary>
    public static string AgentKey(string agentId) => AgentPrefix + agentId;

    /// <summary>The namespace of the stream keyed <paramref name="streamKey"/>: its entity kind's, told by the key's prefix.</summary>
    /// <remarks>The key keeps its kind prefix although the namespace tells the kind too: a consumer grain that handles
    /// several kinds (the CSI pusher) is keyed by the stream key alone, so a session and an agent with the same id must
    /// not share one.</remarks>
    public static string NamespaceOf(string streamKey) =>
        streamKey.StartsWith(SessionPrefix, StringComparison.Ordinal) ? SessionNamespace
        : streamKey.StartsWith(AgentPrefix, StringComparison.Ordinal) ? AgentNamespace
        : throw new ArgumentException($"'{streamKey}' is not the key of a session's or an agent's change stream.", nameof(streamKey));
}
