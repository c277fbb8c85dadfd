using Polly.CircuitBreaker;

namespace ClarityConnect.Connectors.Http;

/// <summary>
/// One lane of a connector's REST API (<see cref="HttpLane"/>): the name of its named <see cref="HttpClient"/> and
/// resilience pipeline, and the remote failure that last opened its circuit breaker, so that a call the open breaker
/// refuses can say what the remote system answered rather than only that the circuit is open (<see cref="CircuitRest"/>).
/// </summary>
public sealed class HttpConnectorLane
{
    private readonly CircuitRest rest;

    /// <summary>Creates the lane <paramref name="lane"/> of <paramref name="connector"/>'s API <paramref name="target"/>.</summary>
    /// <param name="connector">The remote system as administrators name it, e.g. <c>Salesforce</c>.</param>
    /// <param name="target">The API, e.g. <c>salesforce-rest</c> (the metrics' target tag).</param>
    /// <param name="lane">Which lane.</param>
    internal HttpConnectorLane(string connector, string target, HttpLane lane)
    {
        ArgumentException.ThrowIfNullOrEmpty(connector);
        ArgumentException.ThrowIfNullOrEmpty(target);
        Connector = connector;
        Target = target;
        Lane = lane;
        Tag = TagOf(lane);
        Name = NameOf(target, lane);
        rest = new CircuitRest(connector, $"{Tag} calls");
    }

    /// <summary>The remote system as administrators name it, e.g. <c>Salesforce</c>.</summary>
    public string Connector { get; }

    /// <summary>The API, e.g. <c>salesforce-rest</c>.</summary>
    public string Target { get; }

    /// <summary>Which lane.</summary>
    public HttpLane Lane { get; }

    /// <summary>The lane as metrics tag it: <c>live</c> or <c>background</c>.</summary>
    public string Tag { get; }

    /// <summary>The named client's and the pipeline's name, e.g. <c>salesforce-rest-live</c>.</summary>
    public string Name { get; }

    /// <summary>The lane as metrics tag it: <c>live</c> or <c>background</c>.</summary>
    public static string TagOf(HttpLane lane) => lane.ToString().ToLowerInvariant();

    /// <summary>The name of <paramref name="target"/>'s lane <paramref name="lane"/>, e.g. <c>salesforce-rest-live</c>.</summary>
    public static string NameOf(string target, HttpLane lane) => $"{target}-{TagOf(lane)}";

    /// <summary>Remembers what opened the breaker (the remote system's status and message, or the transport failure) and
    /// until when it stays open.</summary>
    internal void BreakerOpened(string cause, DateTimeOffset until) => rest.Opened(cause, until);

    /// <summary>What a call refused by the open breaker reports (see <see cref="CircuitRest.Describe"/>).</summary>
    internal string Resting(BrokenCircuitException refusal) => rest.Describe(refusal);
}
