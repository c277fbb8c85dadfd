using System.Diagnostics;
using System.Globalization;
using System.Threading.RateLimiting;
using ClarityConnect.Connectors.Telemetry;
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

    /// <summary>The pipeline of API calls: limiter, retry, circuit breaker, attempt timeout. <paramref name="name"/> tags its retries and breaker events.</summary>
    public static void ConfigureRest(ResiliencePipelineBuilder<HttpResponseMessage> builder, string name, HttpConnectorOptions options, TransientPredicate isTransient)
    {
        builder.AddConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = options.MaxConcurrentRequests,
            QueueLimit = options.QueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        builder.AddRetry(CreateRetry(name, options, isTransient));
        builder.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            OnOpened = _ =>
            {
                ConnectorMetrics.CircuitOpened.Add(1, new KeyValuePair<string, object?>(TelemetryTags.Target, name));
                return ValueTask.CompletedTask;
            },
            FailureRatio = options.CircuitBreakerFailureRatio,
            MinimumThroughput = options.CircuitBreakerMinimumThroughput,
            SamplingDuration = options.CircuitBreakerSamplingDuration,
            BreakDuration = options.CircuitBreakerBreakDuration,
            ShouldHandle = args => isTransient(args.Outcome, args.Context),
        });
        builder.AddTimeout(CreateAttemptTimeout(options));
    }

    /// <summary>The pipeline of token-endpoint calls: retry and attempt timeout only. <paramref name="name"/> tags its retries.</summary>
    public static void ConfigureOAuth(ResiliencePipelineBuilder<HttpResponseMessage> builder, string name, HttpConnectorOptions options, TransientPredicate isTransient)
    {
        builder.AddRetry(CreateRetry(name, options, isTransient));
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

    private static HttpRetryStrategyOptions CreateRetry(string name, HttpConnectorOptions options, TransientPredicate isTransient) => new()
    {
        OnRetry = args =>
        {
            var cause = args.Outcome.Result is { } response
                ? ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture)
                : args.Outcome.Exception is { } failure ? TelemetryErrors.TypeOf(failure) : "unknown";
            ConnectorMetrics.Retries.Add(1, new TagList { { TelemetryTags.Target, name }, { TelemetryTags.ErrorType, cause } });
            return ValueTask.CompletedTask;
        },
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
