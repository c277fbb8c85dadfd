namespace ClarityConnect.Connectors.Salesforce;

/// <summary>Per-request settings the connector hands to its resilience pipeline through <see cref="HttpRequestMessage.Options"/>.</summary>
internal static class SalesforceRequestOptions
{
    /// <summary>The timeout of one attempt (credentials' <see cref="SalesforceCredentials.RequestTimeout"/>, or the upload timeout).</summary>
    public static readonly HttpRequestOptionsKey<TimeSpan> AttemptTimeout = new("ClarityConnect.Salesforce.AttemptTimeout");
}
