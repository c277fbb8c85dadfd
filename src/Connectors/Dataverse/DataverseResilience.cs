using System.Net;
using ClarityConnect.Connectors.Http;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace ClarityConnect.Connectors.Dataverse;

/// <summary>The Dataverse resilience pipelines (<see cref="HttpConnectorResilience"/>) with Dataverse's transient failures.</summary>
internal static class DataverseResilience
{
    public const string RestPipelineName = "dataverse-rest";
    public const string OAuthPipelineName = "dataverse-oauth";

    // Service protection limits answer 429 with Retry-After in seconds (facts B5); the shared retry waits exactly that long.
    public static void ConfigureRest(ResiliencePipelineBuilder<HttpResponseMessage> builder, DataverseConnectorOptions options) =>
        HttpConnectorResilience.ConfigureRest(builder, RestPipelineName, options, IsTransientAsync);

    public static void ConfigureOAuth(ResiliencePipelineBuilder<HttpResponseMessage> builder, DataverseConnectorOptions options) =>
        HttpConnectorResilience.ConfigureOAuth(builder, OAuthPipelineName, options, IsTransientAsync);

    /// <summary>True for failures that a later attempt can fix: 429, 502, 503, 504 and connection errors (facts B2, B5).</summary>
    internal static bool IsTransient(Outcome<HttpResponseMessage> outcome, ResilienceContext context) =>
        outcome.Exception is { } exception
            ? HttpConnectorResilience.IsTransientException(exception, context)
            : outcome.Result?.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable
                or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout;

    private static ValueTask<bool> IsTransientAsync(Outcome<HttpResponseMessage> outcome, ResilienceContext context) =>
        new(IsTransient(outcome, context));
}
