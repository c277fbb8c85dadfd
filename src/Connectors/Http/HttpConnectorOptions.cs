namespace ClarityConnect.Connectors.Http;

/// <summary>The resilience settings every HTTP connector shares: retry (backoff, jitter, <c>Retry-After</c>), attempt timeouts,
/// the concurrency limiter and the circuit breaker, and the time budget of a lookup. Each <see cref="HttpLane"/> has its
/// own limiter and breaker with these settings. Checked by <see cref="HttpConnectorOptionsValidator{TOptions}"/>.</summary>
public abstract class HttpConnectorOptions
{
    /// <summary>Sets the connector's own default for <see cref="MaxConcurrentRequests"/>.</summary>
    /// <param name="maxConcurrentRequests">What the remote service tolerates from one silo.</param>
    protected HttpConnectorOptions(int maxConcurrentRequests) => MaxConcurrentRequests = maxConcurrentRequests;

    /// <summary>Retries after the first attempt for transient failures. Default 4.</summary>
    public int MaxRetryAttempts { get; set; } = 4;

    /// <summary>The first retry's delay; later ones grow exponentially (with jitter). Default 1 second.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest delay between two attempts. Default 30 seconds.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Randomizes retry delays so that many silos do not retry in step. Default true.</summary>
    public bool UseJitter { get; set; } = true;

    /// <summary>The longest <c>Retry-After</c> the connector honours; a longer one is capped to this. Default 60 seconds.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The attempt timeout when a request carries none (the credentials' request timeout normally decides). Default 30 seconds.</summary>
    public TimeSpan DefaultRequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The attempt timeout of file and attachment uploads. Default 10 minutes.</summary>
    public TimeSpan UploadTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The longest a call-flow lookup (Customer Lookup, Advanced Lookup) may take on this CRM, retries included;
    /// then the node takes its No Match / No Results exit and says why. Default 5 seconds.</summary>
    public TimeSpan LookupTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Requests in flight at once from this silo, per lane. The default is the connector's own (see its options class).</summary>
    public int MaxConcurrentRequests { get; set; }

    /// <summary>Requests allowed to wait for a slot; beyond it calls fail fast with the connector's "unavailable" exception. Default 1000.</summary>
    public int QueueLimit { get; set; } = 1000;

    /// <summary>Share of failed attempts in <see cref="CircuitBreakerSamplingDuration"/> that opens the breaker. Default 0.5.</summary>
    public double CircuitBreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Attempts needed in the sampling window before the breaker may open. Default 20.</summary>
    public int CircuitBreakerMinimumThroughput { get; set; } = 20;

    /// <summary>The breaker's sampling window. Default 30 seconds.</summary>
    public TimeSpan CircuitBreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open breaker refuses calls before letting one through. Default 15 seconds.</summary>
    public TimeSpan CircuitBreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(15);
}
