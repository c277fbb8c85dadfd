namespace ClarityConnect.Connectors.Dataverse;

/// <summary>Per-request settings the connector hands to its resilience pipeline through <see cref="HttpRequestMessage.Options"/>.</summary>
internal static class DataverseRequestOptions
{
    /// <summary>The timeout of one attempt (credentials' <see cref="DataverseCredentials.RequestTimeout"/>, or the upload timeout).</summary>
    public static readonly HttpRequestOptionsKey<TimeSpan> AttemptTimeout = new("ClarityConnect.Dataverse.AttemptTimeout");
}
