using System.Net;
using ClarityConnect.Connectors.Http;
using ClarityConnect.Connectors.Security;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace ClarityConnect.Connectors.Salesforce;

/// <summary>The Salesforce resilience pipelines (<see cref="HttpConnectorResilience"/>) with Salesforce's transient failures.
/// Salesforce sends no Retry-After for API limits (crm-wire-facts A8), but proxies and 503 maintenance pages may.</summary>
internal static class SalesforceResilience
{
    /// <summary>The REST API's target; its lanes are <c>salesforce-rest-live</c> and <c>salesforce-rest-background</c>.</summary>
    public const string RestTarget = "salesforce-rest";

    /// <summary>True for failures that a later attempt can fix (crm-wire-facts A2, A8).</summary>
    internal static async ValueTask<bool> IsTransientAsync(Outcome<HttpResponseMessage> outcome, ResilienceContext context)
    {
        if (outcome.Exception is { } exception)
        {
            // Salesforce has no idempotency key: a timed-out POST is not retried.
            return HttpConnectorResilience.IsTransientException(exception, context);
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
                // Record-lock contention; often nested inside CANNOT_EXECUTE_FLOW_TRIGGER's message (crm-wire-facts A8).
                return (await ReadBodyAsync(response, context.CancellationToken).ConfigureAwait(false)).Contains("UNABLE_TO_LOCK_ROW", StringComparison.Ordinal);
            default:
                return false;
        }
    }

    /// <summary>A failed answer as <see cref="SalesforceApiException"/> words it: status, error codes and messages.</summary>
    internal static async Task<string> DescribeAsync(HttpResponseMessage response, SecretRedactor redactor, CancellationToken cancellationToken) =>
        (await SalesforceApiException.ReadAsync(response, redactor, cancellationToken).ConfigureAwait(false)).Message;

    private static async Task<string> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        // Buffered so that the connector can read the same body again to build its exception.
        await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
    }
}
