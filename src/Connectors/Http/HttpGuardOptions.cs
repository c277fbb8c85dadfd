namespace ClarityConnect.Connectors.Http;

/// <summary>The guards of every HTTP call a connector makes, retried or not: the attempt timeout, the concurrency
/// limiter and the circuit breaker. <see cref="HttpConnectorOptions"/> adds the CRMs' retries; CSI's change events
/// (<c>CsiEventClientOptions</c>) have none, since their queue retries durably.</summary>
public abstract class HttpGuardOptions : CircuitBreakerOptions
{
    /// <summary>Sets the connector's own default for <see cref="MaxConcurrentRequests"/>.</summary>
    /// <param name="maxConcurrentRequests">What the remote service tolerates from one silo.</param>
    protected HttpGuardOptions(int maxConcurrentRequests) => MaxConcurrentRequests = maxConcurrentRequests;

    /// <summary>The attempt timeout when a request carries none. Default 30 seconds.</summary>
    public TimeSpan DefaultRequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Requests in flight at once from this silo, per pipeline. The default is the connector's own (see its options class).</summary>
    public int MaxConcurrentRequests { get; set; }

    /// <summary>Requests allowed to wait for a slot; beyond it calls fail fast with the connector's "unavailable" exception. Default 1000.</summary>
    public int QueueLimit { get; set; } = 1000;

    /// <summary>Checks the timeout, limiter and breaker settings, naming each failed one.</summary>
    /// <param name="failures">Where failed checks go.</param>
    internal void ValidateGuards(OptionsFailures failures)
    {
        failures.AtLeast(DefaultRequestTimeout, TimeSpan.FromMilliseconds(10));
        failures.AtLeast(MaxConcurrentRequests, 1);
        failures.NotNegative(QueueLimit);
        ValidateCircuitBreaker(failures);
    }
}
