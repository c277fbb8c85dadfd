using System.Threading.RateLimiting;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

namespace ClarityConnect.Connectors.Http;

/// <summary>The resilience pipelines of the HTTP connectors: concurrency limiter → retry (backoff + jitter, Retry-After) →
/// circuit breaker → attempt timeout. Each connector supplies what it counts as transient.</summary>
internal static class HttpConnectorResilience
{
    /// <summary>Decides whether an outcome is worth another attempt (and counts as a failure for the breaker).</summary>
    public delegate ValueTask<bool> TransientPredicate(Outcome<HttpResponseMessage> outcome, ResilienceContext context);

    /// <summary>The pipeline of API calls: limiter, retry, circuit breaker, attempt timeout.</summary>
    public static void ConfigureRest(ResiliencePipelineBuilder<HttpResponseMessage> builder, HttpConnectorOptions options, TransientPredicate isTransient)
    {
        builder.AddConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = options.MaxConcurrentRequests,
            QueueLimit = options.QueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        builder.AddRetry(CreateRetry(options, isTransient));
        builder.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            FailureRatio = options.CircuitBreakerFailureRatio,
            MinimumThroughput = options.CircuitBreakerMinimumThroughput,
            SamplingDuration = options.CircuitBreakerSamplingDuration,
            BreakDuration = options.CircuitBreakerBreakDuration,
            ShouldHandle = args => isTransient(args.Outcome, args.Context),
        });
        builder.AddTimeout(CreateAttemptTimeout(options));
    }

    /// <summary>The pipeline of token-endpoint calls: retry and attempt timeout only.</summary>
    public static void ConfigureOAuth(ResiliencePipelineBuilder<HttpResponseMessage> builder, HttpConnectorOptions options, TransientPredicate isTransient)
    {
        builder.AddRetry(CreateRetry(options, isTransient));
        builder.AddTimeout(CreateAttemptTimeout(options));
    }

    /// <summary>True for an exception that a later attempt can fix without risking a duplicate write: a timed-out or broken
    /// POST may have created the record already, so it is retried only when the request provably never left (the
    /// connection could not be made); GET and HEAD are always retried.</summary>
    public static bool IsTransientException(Exception exception, ResilienceContext context)
    {
        var idempotent = context.GetRequestMessage()?.Method is { } method && (method == HttpMethod.Get || method == HttpMethod.Head);
        return exception switch
        {
            TimeoutRejectedException => idempotent,
            HttpRequestException http => idempotent || http.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError,
            _ => false,
        };
    }

    private static HttpRetryStrategyOptions CreateRetry(HttpConnectorOptions options, TransientPredicate isTransient) => new()
    {
        MaxRetryAttempts = options.MaxRetryAttempts,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = options.UseJitter,
        Delay = options.RetryBaseDelay,
        MaxDelay = options.MaxRetryDelay,
        ShouldHandle = args => isTransient(args.Outcome, args.Context),
        // A Retry-After (Dataverse service protection limits, proxies, 503 maintenance pages) is waited out exactly;
        // without it the exponential backoff with jitter applies.
        DelayGenerator = args => new ValueTask<TimeSpan?>(RetryAfter(args.Outcome.Result, options.MaxRetryAfter)),
    };

    private static HttpTimeoutStrategyOptions CreateAttemptTimeout(HttpConnectorOptions options) => new()
    {
        Timeout = options.DefaultRequestTimeout,
        TimeoutGenerator = args =>
        {
            var request = args.Context.GetRequestMessage();
            return new ValueTask<TimeSpan>(
                request is not null && request.Options.TryGetValue(HttpConnectorRequestOptions.AttemptTimeout, out var timeout) && timeout > TimeSpan.Zero
                    ? timeout
                    : options.DefaultRequestTimeout);
        },
    };

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
