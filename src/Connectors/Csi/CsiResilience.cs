using System.Net;
using ClarityConnect.Connectors.Http;
using ClarityConnect.Connectors.Security;
using Polly;
using Polly.Timeout;

namespace ClarityConnect.Connectors.Csi;

/// <summary>What CSI's change-event pipeline (<see cref="HttpConnectorResilience.ConfigureUnretried"/>) counts as a failure
/// and how it words the failure that opens the breaker.</summary>
internal static class CsiResilience
{
    /// <summary>The pipeline's name and the metrics' target tag.</summary>
    public const string Target = "csi-events";

    /// <summary>True for an answer that a later attempt may turn into a success: CSI overloaded, timing out or down.</summary>
    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)status >= 500;

    /// <summary>True for the outcomes the breaker counts as failures: transient answers, timeouts and transport errors.
    /// A refusal such as 401 or 400 is CSI answering, not CSI being down.</summary>
    public static ValueTask<bool> IsFailureAsync(Outcome<HttpResponseMessage> outcome, ResilienceContext context) =>
        new(outcome.Exception is HttpRequestException or TimeoutRejectedException
            || (outcome.Result is { } response && IsTransient(response.StatusCode)));

    /// <summary>A failed answer as <see cref="CsiEventClient"/> words it, with the developer key the request carried removed
    /// (a reason phrase is remote or proxy text that may quote it).</summary>
    public static Task<string> DescribeAsync(HttpResponseMessage response, SecretRedactor redactor, CancellationToken cancellationToken)
    {
        var key = response.RequestMessage?.Headers.TryGetValues(CsiEventClient.DeveloperKeyHeader, out var values) == true ? values.FirstOrDefault() : null;
        return Task.FromResult(redactor.With(key).Redact("CSI " + Answered(response)));
    }

    /// <summary>The status CSI answered, as people read it: <c>answered 503 Service Unavailable</c>.</summary>
    public static string Answered(HttpResponseMessage response) =>
        response.ReasonPhrase is { Length: > 0 } reason
            ? $"answered {(int)response.StatusCode} {reason}"
            : $"answered {HttpStatusText.Of(response.StatusCode)}";
}
