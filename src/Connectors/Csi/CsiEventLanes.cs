using System.Collections.Concurrent;
using ClarityConnect.Connectors.Http;

namespace ClarityConnect.Connectors.Csi;

/// <summary>One <see cref="HttpConnectorLane"/> per CSI endpoint (host and port): each endpoint has its own limiter and
/// breaker (the pipeline is selected by the request's authority), so a CSI instance that is down never holds back
/// requests to another (the address an administrator just corrected, say). The lane keeps what opened its breaker, so
/// that a refused batch names the endpoint and CSI's answer.</summary>
public sealed class CsiEventLanes
{
    private readonly ConcurrentDictionary<string, HttpConnectorLane> lanes = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The pipeline key of <paramref name="url"/>: its host and port.</summary>
    public static string KeyOf(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.Authority;
    }

    /// <summary>The lane of the endpoint <paramref name="key"/> (see <see cref="KeyOf"/>).</summary>
    public HttpConnectorLane For(string key) =>
        lanes.GetOrAdd(key, static endpoint => new HttpConnectorLane($"CSI at {endpoint}", CsiResilience.Target, HttpLane.Background));
}
