using System.Diagnostics;
using System.Globalization;
using System.Threading.RateLimiting;
using ClarityConnect.Connectors.Security;
using ClarityConnect.Connectors.Telemetry;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

namespace ClarityConnect.Connectors.Http;

/// <summary>The resilience pipelines of the HTTP connectors: concurrency limiter → retry (backoff + jitter, Retry-After) →
/// circuit breaker → attempt timeout, or the same without the retry for callers that retry durably themselves. Each
/// connector supplies what it counts as transient and how it reads a failed answer.</summary>
internal static class HttpConnectorResilience
{
    /// <summary>Decides whether an outcome is worth another attempt (and counts as a failure for the breaker).</summary>
    public delegate ValueTask<bool> TransientPredicate(Outcome<HttpResponseMessage> outcome, ResilienceContext context);

    /// <summary>Describes a failed answer as the connector's error does (status, the remote system's code and message), with
    /// <paramref name="redactor"/>'s secrets removed. The response stays readable afterwards.</summary>
    public delegate Task<string> FailureDescriber(HttpResponseMessage response, SecretRedactor redactor, CancellationToken cancellationToken);

    /// <summary>The pipeline of one lane's API calls: limiter, retry, circuit breaker, attempt timeout, each lane with its own
    /// limiter and breaker. Retries and breaker events are tagged with the lane; the failure that opens the breaker is
    /// kept on <paramref name="lane"/> (described by <paramref name="describe"/>) for the calls it refuses.</summary>
    public static void ConfigureRest(
        ResiliencePipelineBuilder<HttpResponseMessage> builder, HttpConnectorLane lane, HttpConnectorOptions options, TransientPredicate isTransient, FailureDescriber describe)
    {
        AddLimiter(builder, options);
        builder.AddRetry(CreateRetry(Tags(lane), options, isTransient));
        AddBreakerAndAttemptTimeout(builder, lane, options, isTransient, describe);
    }

    /// <summary>The pipeline of calls whose caller retries them itself (durably, as CSI's event queues do): limiter, circuit
    /// breaker and attempt timeout as in <see cref="ConfigureRest"/>, but no retry, so that no attempt is repeated behind
    /// the caller's back.</summary>
    public static void ConfigureUnretried(
        ResiliencePipelineBuilder<HttpResponseMessage> builder, HttpConnectorLane lane, HttpGuardOptions options, TransientPredicate isTransient, FailureDescriber describe)
    {
        AddLimiter(builder, options);
        AddBreakerAndAttemptTimeout(builder, lane, options, isTransient, describe);
    }

    /// <summary>The pipeline of token-endpoint calls: retry and attempt timeout only. <paramref name="name"/> tags its retries.</summary>
    public static void ConfigureOAuth(ResiliencePipelineBuilder<HttpResponseMessage> builder, string name, HttpConnectorOptions options, TransientPredicate isTransient)
    {
        builder.AddRetry(CreateRetry([new(TelemetryTags.Target, name)], options, isTransient));
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

    private static void AddLimiter(ResiliencePipelineBuilder<HttpResponseMessage> builder, HttpGuardOptions options) =>
        builder.AddConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = options.MaxConcurrentRequests,
            QueueLimit = options.QueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });

    private static void AddBreakerAndAttemptTimeout(
        ResiliencePipelineBuilder<HttpResponseMessage> builder, HttpConnectorLane lane, HttpGuardOptions options, TransientPredicate isTransient, FailureDescriber describe)
    {
        var pipeline = Tags(lane);
        builder.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            OnOpened = async args =>
            {
                ConnectorMetrics.CircuitOpened.Add(1, pipeline);
                var cause = await DescribeAsync(args.Outcome, args.Context, describe).ConfigureAwait(false);
                lane.BreakerOpened(cause, DateTimeOffset.UtcNow + args.BreakDuration);
            },
            FailureRatio = options.CircuitBreakerFailureRatio,
            MinimumThroughput = options.CircuitBreakerMinimumThroughput,
            SamplingDuration = options.CircuitBreakerSamplingDuration,
            BreakDuration = options.CircuitBreakerBreakDuration,
            ShouldHandle = args => isTransient(args.Outcome, args.Context),
        });
        builder.AddTimeout(CreateAttemptTimeout(options));
    }

    private static KeyValuePair<string, object?>[] Tags(HttpConnectorLane lane) => [new(TelemetryTags.Target, lane.Target), new(TelemetryTags.Lane, lane.Tag)];

    // The breaker's own message ("The circuit is now open") tells an administrator nothing; what the remote system
    // answered does. The request carries only the bearer token as a secret (the OAuth pipeline has no breaker).
    private static async Task<string> DescribeAsync(Outcome<HttpResponseMessage> outcome, ResilienceContext context, FailureDescriber describe)
    {
        var redactor = SecretRedactor.For(context.GetRequestMessage()?.Headers.Authorization?.Parameter);
        if (outcome.Result is not { } response)
        {
            return outcome.Exception is { } failure ? redactor.Redact($"{failure.GetType().Name}: {failure.Message}") : "unknown";
        }

        try
        {
            return await describe(response, redactor, context.CancellationToken).ConfigureAwait(false);
        }
        catch (Exception unreadable) when (unreadable is HttpRequestException or IOException or OperationCanceledException)
        {
            return HttpStatusText.Of(response.StatusCode);
        }
    }

    private static HttpRetryStrategyOptions CreateRetry(KeyValuePair<string, object?>[] pipeline, HttpConnectorOptions options, TransientPredicate isTransient) => new()
    {
        OnRetry = args =>
        {
            var cause = args.Outcome.Result is { } response
                ? ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture)
                : args.Outcome.Exception is { } failure ? TelemetryErrors.TypeOf(failure) : "unknown";
            ConnectorMetrics.Retries.Add(1, new TagList(pipeline) { { TelemetryTags.ErrorType, cause } });
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

    private static HttpTimeoutStrategyOptions CreateAttemptTimeout(HttpGuardOptions options) => new()
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
