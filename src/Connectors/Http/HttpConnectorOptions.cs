namespace ClarityConnect.Connectors.Http;

/// <summary>The resilience settings every CRM connector shares: retry (backoff, jitter, <c>Retry-After</c>), the upload
/// timeout and the time budget of a lookup, besides the attempt timeout, concurrency limiter and circuit breaker of
/// <see cref="HttpGuardOptions"/>. Each <see cref="HttpLane"/> has its own limiter and breaker with these settings.
/// Checked by <see cref="HttpConnectorOptionsValidator{TOptions}"/>.</summary>
public abstract class HttpConnectorOptions : HttpGuardOptions
{
    /// <summary>Sets the connector's own default for <see cref="HttpGuardOptions.MaxConcurrentRequests"/>.</summary>
    /// <param name="maxConcurrentRequests">What the remote service tolerates from one silo.</param>
    protected HttpConnectorOptions(int maxConcurrentRequests)
        : base(maxConcurrentRequests)
    {
    }

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

    /// <summary>The attempt timeout of file and attachment uploads. Default 10 minutes.</summary>
    public TimeSpan UploadTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The longest a call-flow lookup (Customer Lookup, Advanced Lookup) may take on this CRM, retries included;
    /// then the node takes its No Match / No Results exit and says why. Default 5 seconds.</summary>
    public TimeSpan LookupTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
