namespace ClarityConnect.Connectors.Dataverse;

/// <summary>Tuning of the Dataverse connector: resilience, token renewal, caching and upload limits. Credentials are not
/// here: they come from <see cref="IDataverseCredentialsSource"/>.</summary>
public sealed class DataverseConnectorOptions
{
    /// <summary>The Web API path under the instance URL. Default <c>api/data/v9.2/</c>.</summary>
    public string ApiPath { get; set; } = "api/data/v9.2/";

    /// <summary>How long before its <c>expires_in</c> an access token is renewed. Default 5 minutes.</summary>
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Largest note attachment (bytes) sent inline as base64 <c>documentbody</c>; larger ones use the chunked
    /// <c>InitializeAnnotationBlocksUpload</c> / <c>UploadBlock</c> / <c>CommitAnnotationBlocksUpload</c> messages. Default 4 MB.</summary>
    public long InlineAttachmentLimit { get; set; } = 4L * 1024 * 1024;

    /// <summary>Size of one <c>UploadBlock</c> block (Dataverse allows at most 4 MB). Default 4 MB.</summary>
    public int UploadBlockSize { get; set; } = 4 * 1024 * 1024;

    /// <summary>How long metadata (entity definitions, attributes, relationships) is cached in the silo. Default 5 minutes.</summary>
    public TimeSpan MetadataCacheDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Retries after the first attempt for transient failures. Default 4.</summary>
    public int MaxRetryAttempts { get; set; } = 4;

    /// <summary>The first retry's delay; later ones grow exponentially (with jitter). Default 1 second.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest delay between two attempts. Default 30 seconds.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Randomizes retry delays so that many silos do not retry in step. Default true.</summary>
    public bool UseJitter { get; set; } = true;

    /// <summary>The longest <c>Retry-After</c> (seconds, facts B5) the connector honours; a longer one is capped to this. Default 60 seconds.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The attempt timeout when a request carries none. Default 30 seconds.</summary>
    public TimeSpan DefaultRequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The attempt timeout of attachment uploads. Default 10 minutes.</summary>
    public TimeSpan UploadTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Requests in flight at once from this silo. Dataverse allows 52 concurrent requests per user (facts B5). Default 16.</summary>
    public int MaxConcurrentRequests { get; set; } = 16;

    /// <summary>Requests allowed to wait for a slot; beyond it calls fail fast with <see cref="DataverseUnavailableException"/>. Default 1000.</summary>
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
