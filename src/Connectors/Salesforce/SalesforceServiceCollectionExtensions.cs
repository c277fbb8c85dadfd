using ClarityConnect.Connectors.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ClarityConnect.Connectors.Salesforce;

/// <summary>Registers the Salesforce connector.</summary>
public static class SalesforceServiceCollectionExtensions
{
    /// <summary>Registers <see cref="SalesforceClient"/> once per <see cref="HttpLane"/> (keyed by the lane, each lane with its
    /// own resilience pipeline), <see cref="SalesforceOAuthClient"/> as a typed HTTP client, the singleton
    /// <see cref="SalesforceSessionStore"/> both lanes share and validated <see cref="SalesforceConnectorOptions"/>.
    /// The caller registers an <see cref="ISalesforceCredentialsSource"/>. Calling it again only applies <paramref name="configure"/>.</summary>
    public static IServiceCollection AddSalesforceConnector(this IServiceCollection services, Action<SalesforceConnectorOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var optionsBuilder = services.AddOptions<SalesforceConnectorOptions>();
        if (configure is not null)
        {
            optionsBuilder.Configure(configure);
        }

        if (services.Any(d => d.ServiceType == typeof(SalesforceSessionStore)))
        {
            return services;
        }

        optionsBuilder.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SalesforceConnectorOptions>, SalesforceConnectorOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SalesforceSessionStore>();

        // The pipelines own the timeouts (per attempt); HttpClient's own 100 s cap would cut long uploads short.
        services.AddHttpClient<SalesforceOAuthClient>(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler(SalesforceResilience.OAuthPipelineName, (builder, context) =>
                SalesforceResilience.ConfigureOAuth(builder, context.ServiceProvider.GetRequiredService<IOptions<SalesforceConnectorOptions>>().Value));
        HttpConnectorLanes.Add<SalesforceClient, SalesforceConnectorOptions>(
            services, "Salesforce", SalesforceResilience.RestTarget, SalesforceResilience.IsTransientAsync, SalesforceResilience.DescribeAsync);
        return services;
    }
}
