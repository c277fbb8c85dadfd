using ClarityConnect.Connectors.Http;
using ClarityConnect.Connectors.OAuth;
using Microsoft.Extensions.DependencyInjection;

namespace ClarityConnect.Connectors.Dataverse;

/// <summary>Registers the Dataverse connector.</summary>
public static class DataverseServiceCollectionExtensions
{
    /// <summary>Registers <see cref="DataverseClient"/> once per <see cref="HttpLane"/> (keyed by the lane, each lane with its own
    /// resilience pipeline behind <see cref="CrmAccessTokenHandler{TCredentials}"/>), <see cref="DataverseOAuthClient"/> as a typed
    /// HTTP client, the singleton <see cref="CrmAccessTokenStore{TCredentials}"/> and metadata cache both lanes share and
    /// validated <see cref="DataverseConnectorOptions"/>. The caller registers the <see cref="ICrmCredentialsSource{TCredentials}"/> of <see cref="DataverseCredentials"/>.
    /// Calling it again only applies <paramref name="configure"/>.</summary>
    public static IServiceCollection AddDataverseConnector(this IServiceCollection services, Action<DataverseConnectorOptions>? configure = null) =>
        CrmConnectorServices.Add<DataverseClient, DataverseConnectorOptions, DataverseConnectorOptionsValidator, DataverseCredentials, DataverseOAuthClient>(
            services,
            configure,
            new CrmConnectorDescription("Dataverse", DataverseResilience.RestTarget, DataverseResilience.IsTransientAsync, DataverseResilience.DescribeAsync),
            options => options.TokenRefreshMargin);
}
