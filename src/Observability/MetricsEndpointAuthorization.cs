namespace ClarityConnect.Observability;

/// <summary>
/// Who may scrape the Prometheus endpoint of a host: the authorization policy <see cref="MetricsEndpointExtensions.MapClarityConnectMetrics"/>
/// requires. A host registers one as a singleton (the admin API's <c>AddAdminApi</c> registers its own policy); without
/// one the endpoint is not mapped openly by accident: mapping it fails, naming this type.
/// </summary>
/// <param name="PolicyName">The policy, or null for <see cref="Anonymous"/>.</param>
public sealed record MetricsEndpointAuthorization(string? PolicyName)
{
    /// <summary>No authentication: only for a host whose HTTP listener the monitoring network alone can reach.</summary>
    public static readonly MetricsEndpointAuthorization Anonymous = new((string?)null);
}
