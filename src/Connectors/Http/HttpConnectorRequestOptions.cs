namespace ClarityConnect.Connectors.Http;

/// <summary>Per-request settings a connector hands to its resilience pipeline through <see cref="HttpRequestMessage.Options"/>.</summary>
internal static class HttpConnectorRequestOptions
{
    /// <summary>The timeout of one attempt (the credentials' request timeout, or the upload timeout).</summary>
    public static readonly HttpRequestOptionsKey<TimeSpan> AttemptTimeout = new("ClarityConnect.Connectors.AttemptTimeout");
}
