using ClarityConnect.Connectors.Http;
using ClarityConnect.Connectors.OAuth;
using Microsoft.Extensions.DependencyInjection;

namespace ClarityConnect.Connectors.Salesforce;

/// <summary>Registers the Salesforce connector.</summary>
public static class SalesforceServiceCollectionExtensions
{
    /// <summary>Registers <see cref="SalesforceClient"/> once per <see cref="HttpLane"/> (keyed by the lane, each lane with its
    /// own resilience pipeline behind <see cref="CrmAccessTokenHandler{TCredentials}"/>), <see cref="SalesforceOAuthClient"/> as a
    /// typed HTTP client, the singleton <see cref="CrmAccessTokenStore{TCredentials}"/> and describe cache both lanes share and
    /// validated <see cref="SalesforceConnectorOptions"/>. The caller registers the <see cref="ICrmCredentialsSource{TCredentials}"/> of <see cref="SalesforceCredentials"/>.
    /// Calling it again only applies <paramref name="configure"/>.</summary>
    public static IServiceCollection AddSalesforceConnector(this IServiceCollection services, Action<SalesforceConnectorOptions>? configure = null) =>
        CrmConnectorServices.Add<SalesforceClient, SalesforceConnectorOptions, SalesforceConnectorOptionsValidator, SalesforceCredentials, SalesforceOAuthClient>(
            services,
            configure,
            new CrmConnectorDescription("Salesforce", SalesforceResilience.RestTarget, SalesforceResilience.IsTransientAsync, SalesforceResilience.DescribeAsync),
            // Salesforce tokens carry no expiry: a 401 is the signal to renew.
            refreshMargin: _ => TimeSpan.Zero);
}
