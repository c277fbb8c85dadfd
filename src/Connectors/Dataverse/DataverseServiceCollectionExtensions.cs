using ClarityConnect.Connectors.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ClarityConnect.Connectors.Dataverse;

/// <summary>Registers the Dataverse connector.</summary>
public static class DataverseServiceCollectionExtensions
{
    /// <summary>Registers <see cref="DataverseClient"/> once per <see cref="HttpLane"/> (keyed by the lane, each lane with its
    /// own resilience pipeline), <see cref="DataverseOAuthClient"/> as a typed HTTP client, the singleton
    /// <see cref="DataverseSessionStore"/> both lanes share and validated <see cref="DataverseConnectorOptions"/>.
    /// The caller registers an <see cref="IDataverseCredentialsSource"/>. Calling it again only applies <paramref name="configure"/>.</summary>
    public static IServiceCollection AddDataverseConnector(this IServiceCollection services, Action<DataverseConnectorOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var optionsBuilder = services.AddOptions<DataverseConnectorOptions>();
        if (configure is not null)
        {
            optionsBuilder.Configure(configure);
        }

        if (services.Any(d => d.ServiceType == typeof(DataverseSessionStore)))
        {
            return services;
        }

        optionsBuilder.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DataverseConnectorOptions>, DataverseConnectorOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DataverseSessionStore>();

        // The pipelines own the timeouts (per attempt); HttpClient's own 100 s cap would cut long uploads short.
        services.AddHttpClient<DataverseOAuthClient>(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler(DataverseResilience.OAuthPipelineName, (builder, context) =>
                DataverseResilience.ConfigureOAuth(builder, context.ServiceProvider.GetRequiredService<IOptions<DataverseConnectorOptions>>().Value));
        HttpConnectorLanes.Add<DataverseClient, DataverseConnectorOptions>(
            services, "Dataverse", DataverseResilience.RestTarget, DataverseResilience.IsTransientAsync, DataverseResilience.DescribeAsync);
        return services;
    }
}
