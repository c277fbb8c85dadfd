using System.Net;
using ClarityConnect.Connectors.Http;
using ClarityConnect.Connectors.Security;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace ClarityConnect.Connectors.Dataverse;

/// <summary>The Dataverse resilience pipelines (<see cref="HttpConnectorResilience"/>) with Dataverse's transient failures.</summary>
internal static class DataverseResilience
{
    /// <summary>The Web API's target; its lanes are <c>dataverse-rest-live</c> and <c>dataverse-rest-background</c>.
    /// Service protection limits answer 429 with Retry-After in seconds (crm-wire-facts B5); the shared retry waits exactly that long.</summary>
    public const string RestTarget = "dataverse-rest";

    /// <summary>True for failures that a later attempt can fix: 429, 502, 503, 504 and connection errors (crm-wire-facts B2, B5).</summary>
    internal static bool IsTransient(Outcome<HttpResponseMessage> outcome, ResilienceContext context) =>
        outcome.Exception is { } exception
            ? HttpConnectorResilience.IsTransientException(exception, context)
            : outcome.Result?.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable
                or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout;

    /// <summary>A failed answer as <see cref="DataverseApiException"/> words it: status, Dataverse's code and message.</summary>
    internal static async Task<string> DescribeAsync(HttpResponseMessage response, SecretRedactor redactor, CancellationToken cancellationToken) =>
        (await DataverseApiException.ReadAsync(response, redactor, cancellationToken).ConfigureAwait(false)).Message;

    internal static ValueTask<bool> IsTransientAsync(Outcome<HttpResponseMessage> outcome, ResilienceContext context) =>
        new(IsTransient(outcome, context));
}
