namespace ClarityConnect.Connectors.Http;

/// <summary>
/// Which of a connector's two resilience pipelines a call goes through. Each lane has its own concurrency limiter and
/// circuit breaker (bulkheads): background failures never open the breaker a caller's lookup goes through, and a burst
/// of exports never takes the slots lookups need. The session (token) is shared by both.
/// </summary>
public enum HttpLane
{
    /// <summary>Calls someone waits for: call-flow lookups (Customer Lookup, Advanced Lookup), the node builder, the connection test.</summary>
    Live,

    /// <summary>Background work nobody waits for: post-call exports.</summary>
    Background,
}
