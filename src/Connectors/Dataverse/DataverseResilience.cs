using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

namespace ClarityConnect.Connectors.Dataverse;

/// <summary>The Dataverse resilience pipelines: concurrency limiter → retry (backoff + jitter, Retry-After) → circuit breaker → attempt timeout.</summary>
internal static class DataverseResilience
{
    public const string RestPipelineName = "dataverse-rest";
    public const string OAuthPipelineName = "dataverse-oauth";

    public static void ConfigureRest(ResiliencePipelineBuilder<HttpResponseMessage> builder, DataverseConnectorOptions options)
    {
        builder.AddConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = options.MaxConcurrentRequests,
            QueueLimit = options.QueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        builder.AddRetry(CreateRetry(options));
        builder.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            FailureRatio = options.CircuitBreakerFailureRatio,
            MinimumThroughput = options.CircuitBreakerMinimumThroughput,
            SamplingDuration = options.CircuitBreakerSamplingDuration,
            BreakDuration = options.CircuitBreakerBreakDuration,
            ShouldHandle = args => new ValueTask<bool>(IsTransient(args.Outcome, args.Context)),
        });
        builder.AddTimeout(CreateAttemptTimeout(options));
    }

    public static void ConfigureOAuth(ResiliencePipelineBuilder<HttpResponseMessage> builder, DataverseConnectorOptions options)
    {
        builder.AddRetry(CreateRetry(options));
        builder.AddTimeout(CreateAttemptTimeout(options));
    }

    private static HttpRetryStrategyOptions CreateRetry(DataverseConnectorOptions options) => new()
    {
        MaxRetryAttempts = options.MaxRetryAttempts,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = options.UseJitter,
        Delay = options.RetryBaseDelay,
        MaxDelay = options.MaxRetryDelay,
        ShouldHandle = args => new ValueTask<bool>(IsTransient(args.Outcome, args.Context)),
        // Service protection limits answer 429 with Retry-After in seconds (facts B5); Microsoft's sample policy waits
        // exactly that long. Without the header the exponential backoff with jitter applies.
        DelayGenerator = args => new ValueTask<TimeSpan?>(RetryAfter(args.Outcome.Result, options.MaxRetryAfter)),
    };

    private static HttpTimeoutStrategyOptions CreateAttemptTimeout(DataverseConnectorOptions options) => new()
    {
        Timeout = options.DefaultRequestTimeout,
        TimeoutGenerator = args =>
        {
            var request = args.Context.GetRequestMessage();
            return new ValueTask<TimeSpan>(
                request is not null && request.Options.TryGetValue(DataverseRequestOptions.AttemptTimeout, out var timeout) && timeout > TimeSpan.Zero
                    ? timeout
                    : options.DefaultRequestTimeout);
        },
    };

    /// <summary>True for failures that a later attempt can fix: 429, 502, 503, 504 and connection errors (facts B2, B5).</summary>
    internal static bool IsTransient(Outcome<HttpResponseMessage> outcome, ResilienceContext context)
    {
        if (outcome.Exception is { } exception)
        {
            var idempotent = context.GetRequestMessage()?.Method is { } method && (method == HttpMethod.Get || method == HttpMethod.Head);
            return exception switch
            {
                // A timed-out or broken POST may have created the record already; retry it only when the request
                // provably never left (the connection could not be made).
                TimeoutRejectedException => idempotent,
                HttpRequestException http => idempotent || http.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError,
                _ => false,
            };
        }

        return outcome.Result?.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable
            or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout;
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeSpan max)
    {
        var header = response?.Headers.RetryAfter;
        TimeSpan? delay = header?.Delta ?? (header?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        if (delay is not { } value)
        {
            return null;
        }

        return value < TimeSpan.Zero ? TimeSpan.Zero : value > max ? max : value;
    }
}
