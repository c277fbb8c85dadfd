namespace ClarityConnect.Connectors.Salesforce;

/// <summary>Tuning of the Salesforce connector: resilience, caching and upload limits. Credentials are not here:
/// they come from <see cref="ISalesforceCredentialsSource"/>.</summary>
public sealed class SalesforceConnectorOptions
{
    /// <summary>Largest base64 payload (bytes) sent as JSON when creating a ContentVersion; above it the file goes as multipart.
    /// Salesforce allows 37.5 MB of base64 in a JSON body; the default reads "MB" as 10^6 bytes, the safer of the two readings.</summary>
    public long ContentVersionJsonLimit { get; set; } = 37_500_000;

    /// <summary>How long describe results are cached in the silo. Default 5 minutes.</summary>
    public TimeSpan DescribeCacheDuration { get; set; } = TimeSpan.FromMinutes(5);

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

    /// <summary>The attempt timeout when a request carries none (credentials' <see cref="SalesforceCredentials.RequestTimeout"/> normally decides). Default 30 seconds.</summary>
    public TimeSpan DefaultRequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The attempt timeout of file uploads (ContentVersion). Default 10 minutes.</summary>
    public TimeSpan UploadTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Requests in flight at once from this silo. Salesforce caps long-running (≥ 20 s) requests at 25 per org (5 on Developer Edition). Default 10.</summary>
    public int MaxConcurrentRequests { get; set; } = 10;

    /// <summary>Requests allowed to wait for a slot; beyond it calls fail fast with <see cref="SalesforceUnavailableException"/>. Default 1000.</summary>
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
