using Microsoft.Extensions.Logging;

namespace ClarityConnect.Grains.Telemetry;

/// <summary>
/// The logging scopes that tie a log line to a session or an agent: <c>{SessionId}</c>, <c>{AgentId}</c> and, for
/// exports, <c>{ExportTarget}</c>. Every logger of the silo sees a scope opened on any of them (the logger factory's
/// scope provider is shared), so a line logged by a connector inside a session's node run carries the session id.
/// </summary>
public static class LogScopes
{
    /// <summary>Opens a scope naming the session.</summary>
    public static IDisposable? Session(ILogger logger, string sessionId) => logger.BeginScope("Session {SessionId}", sessionId);

    /// <summary>Opens a scope naming the agent.</summary>
    public static IDisposable? Agent(ILogger logger, string agentId) => logger.BeginScope("Agent {AgentId}", agentId);

    /// <summary>Opens a scope naming the session and the export target.</summary>
    public static IDisposable? Export(ILogger logger, string target, string sessionId) =>
        logger.BeginScope("Export of session {SessionId} to {ExportTarget}", sessionId, target);
}
