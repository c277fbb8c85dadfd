using ClarityConnect.Connectors.Http;

namespace ClarityConnect.Connectors.Csi;

/// <summary>The guards of the change-event requests to CSI, per CSI endpoint (host and port): attempt timeout,
/// concurrency limiter and circuit breaker, named as the CRM connectors' (<see cref="HttpGuardOptions"/>). There is no
/// retry setting: the event queues retry durably, with backoff and recovery probes (<c>ClarityConnect:Csi:Events</c>).
/// Checked by <see cref="CsiEventClientOptionsValidator"/>.</summary>
public sealed class CsiEventClientOptions : HttpGuardOptions
{
    /// <summary>The configuration section the hosts bind.</summary>
    public const string Section = "ClarityConnect:Csi:Http";

    /// <summary>Creates the defaults: <see cref="HttpGuardOptions.MaxConcurrentRequests"/> 8 (the event queues, 4 by default,
    /// send one batch at a time each; probes and connection tests come on top) and a
    /// <see cref="HttpGuardOptions.DefaultRequestTimeout"/> of 15 seconds, the client's timeout before it had a pipeline.</summary>
    public CsiEventClientOptions()
        : base(maxConcurrentRequests: 8) => DefaultRequestTimeout = TimeSpan.FromSeconds(15);
}
