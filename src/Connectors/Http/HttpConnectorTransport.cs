using ClarityConnect.Connectors.Security;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;

namespace ClarityConnect.Connectors.Http;

/// <summary>Sends a connector's request through its resilience pipeline and turns transport failures (network errors,
/// timeouts, an open breaker, a full queue) into the connector's "unavailable" exception.</summary>
internal static class HttpConnectorTransport
{
    /// <summary>Sends a REST call through <paramref name="lane"/>, reading the whole response. A call the lane's open breaker
    /// refuses fails with what the breaker is resting from (<see cref="HttpConnectorLane"/>); other transport failures
    /// with the connector, the method, the path and the failure.</summary>
    /// <param name="httpClient">The lane's named client (its handler runs the lane's resilience pipeline).</param>
    /// <param name="lane">The lane, which names the connector and knows what opened its breaker.</param>
    /// <param name="request">The request to send.</param>
    /// <param name="attemptTimeout">The timeout of each attempt (see <see cref="HttpConnectorRequestOptions.AttemptTimeout"/>).</param>
    /// <param name="redactor">The secrets the request carries, removed from the failure's description.</param>
    /// <param name="unavailable">Builds the connector's exception from the failure's description and the transport failure.</param>
    /// <param name="cancellationToken">Cancels the call; a cancellation by the caller is rethrown as is.</param>
    public static Task<HttpResponseMessage> SendAsync(
        HttpClient httpClient,
        HttpConnectorLane lane,
        HttpRequestMessage request,
        TimeSpan attemptTimeout,
        SecretRedactor redactor,
        Func<string, Exception, Exception> unavailable,
        CancellationToken cancellationToken) =>
        SendAsync(
            httpClient,
            request,
            attemptTimeout,
            ex => ex is BrokenCircuitException refusal
                ? lane.Resting(refusal)
                : $"{lane.Connector} {request.Method} {request.RequestUri?.AbsolutePath} failed: {redactor.Redact($"{ex.GetType().Name}: {ex.Message}")}",
            unavailable,
            cancellationToken);

    /// <summary>Sends <paramref name="request"/> with its attempt timeout set, reading the whole response (token endpoints,
    /// whose pipeline has no breaker).</summary>
    /// <param name="httpClient">The connector's typed client (its handler runs the resilience pipeline).</param>
    /// <param name="request">The request to send.</param>
    /// <param name="attemptTimeout">The timeout of each attempt (see <see cref="HttpConnectorRequestOptions.AttemptTimeout"/>).</param>
    /// <param name="redactor">The secrets the request carries, removed from the failure's description.</param>
    /// <param name="unavailable">Builds the connector's exception from a description and the transport failure.</param>
    /// <param name="cancellationToken">Cancels the call; a cancellation by the caller is rethrown as is.</param>
    public static Task<HttpResponseMessage> SendAsync(
        HttpClient httpClient,
        HttpRequestMessage request,
        TimeSpan attemptTimeout,
        SecretRedactor redactor,
        Func<string, Exception, Exception> unavailable,
        CancellationToken cancellationToken) =>
        SendAsync(httpClient, request, attemptTimeout, ex => redactor.Redact($"{ex.GetType().Name}: {ex.Message}"), unavailable, cancellationToken);

    private static async Task<HttpResponseMessage> SendAsync(
        HttpClient httpClient,
        HttpRequestMessage request,
        TimeSpan attemptTimeout,
        Func<Exception, string> describe,
        Func<string, Exception, Exception> unavailable,
        CancellationToken cancellationToken)
    {
        request.Options.Set(HttpConnectorRequestOptions.AttemptTimeout, attemptTimeout);
        try
        {
            return await httpClient.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsTransportFailure(ex, cancellationToken))
        {
            throw unavailable(describe(ex), ex);
        }
    }

    /// <summary>True for the failures of the transport or the pipeline, as opposed to the caller's cancellation or a bug.</summary>
    private static bool IsTransportFailure(Exception ex, CancellationToken cancellationToken) =>
        ex is HttpRequestException or TimeoutRejectedException or BrokenCircuitException or RateLimiterRejectedException
        || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested);
}
