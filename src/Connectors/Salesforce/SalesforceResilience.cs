using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

namespace ClarityConnect.Connectors.Salesforce;

/// <summary>The Salesforce resilience pipelines: concurrency limiter → retry (backoff + jitter, Retry-After) → circuit breaker → attempt timeout.</summary>
internal static class SalesforceResilience
{
    public const string RestPipelineName = "salesforce-rest";
    public const string OAuthPipelineName = "salesforce-oauth";

    public static void ConfigureRest(ResiliencePipelineBuilder<HttpResponseMessage> builder, SalesforceConnectorOptions options)
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
            ShouldHandle = args => IsTransientAsync(args.Outcome, args.Context),
        });
        builder.AddTimeout(CreateAttemptTimeout(options));
    }

    public static void ConfigureOAuth(ResiliencePipelineBuilder<HttpResponseMessage> builder, SalesforceConnectorOptions options)
    {
        builder.AddRetry(CreateRetry(options));
        builder.AddTimeout(CreateAttemptTimeout(options));
    }

    private static HttpRetryStrategyOptions CreateRetry(SalesforceConnectorOptions options) => new()
    {
        MaxRetryAttempts = options.MaxRetryAttempts,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = options.UseJitter,
        Delay = options.RetryBaseDelay,
        MaxDelay = options.MaxRetryDelay,
        ShouldHandle = args => IsTransientAsync(args.Outcome, args.Context),
        // Salesforce sends no Retry-After for API limits (facts A8), but proxies and 503 maintenance pages may.
        DelayGenerator = args => new ValueTask<TimeSpan?>(RetryAfter(args.Outcome.Result, options.MaxRetryAfter)),
    };

    private static HttpTimeoutStrategyOptions CreateAttemptTimeout(SalesforceConnectorOptions options) => new()
    {
        Timeout = options.DefaultRequestTimeout,
        TimeoutGenerator = args =>
        {
            var request = args.Context.GetRequestMessage();
            return new ValueTask<TimeSpan>(
                request is not null && request.Options.TryGetValue(SalesforceRequestOptions.AttemptTimeout, out var timeout) && timeout > TimeSpan.Zero
                    ? timeout
                    : options.DefaultRequestTimeout);
        },
    };

    /// <summary>True for failures that a later attempt can fix (facts A2, A8).</summary>
    internal static async ValueTask<bool> IsTransientAsync(Outcome<HttpResponseMessage> outcome, ResilienceContext context)
    {
        if (outcome.Exception is { } exception)
        {
            var idempotent = context.GetRequestMessage()?.Method is { } method && (method == HttpMethod.Get || method == HttpMethod.Head);
            return exception switch
            {
                // A timed-out or broken POST may have created the record already: Salesforce has no idempotency key,
                // so only retry it when the request provably never left (connection could not be made).
                TimeoutRejectedException => idempotent,
                HttpRequestException http => idempotent || http.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError,
                _ => false,
            };
        }

        if (outcome.Result is not { } response)
        {
            return false;
        }

        switch (response.StatusCode)
        {
            case HttpStatusCode.ServiceUnavailable:
            case HttpStatusCode.BadGateway:
            case HttpStatusCode.GatewayTimeout:
            case HttpStatusCode.TooManyRequests:
                return true;
            case HttpStatusCode.Forbidden:
                return (await ReadBodyAsync(response, context.CancellationToken).ConfigureAwait(false)).Contains("REQUEST_LIMIT_EXCEEDED", StringComparison.Ordinal);
            case HttpStatusCode.BadRequest:
            case HttpStatusCode.InternalServerError:
                // Record-lock contention; often nested inside CANNOT_EXECUTE_FLOW_TRIGGER's message (facts A8).
                return (await ReadBodyAsync(response, context.CancellationToken).ConfigureAwait(false)).Contains("UNABLE_TO_LOCK_ROW", StringComparison.Ordinal);
            default:
                return false;
        }
    }

    private static async Task<string> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        // Buffered so that the connector can read the same body again to build its exception.
        await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
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
