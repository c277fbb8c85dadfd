using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ClarityConnect.Connectors.Dataverse;

/// <summary>Registers the Dataverse connector.</summary>
public static class DataverseServiceCollectionExtensions
{
    /// <summary>Registers <see cref="DataverseClient"/> and <see cref="DataverseOAuthClient"/> as typed HTTP clients with their
    /// resilience pipelines, the singleton <see cref="DataverseSessionStore"/> and validated <see cref="DataverseConnectorOptions"/>.
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
        services.AddHttpClient<DataverseClient>(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler(DataverseResilience.RestPipelineName, (builder, context) =>
                DataverseResilience.ConfigureRest(builder, context.ServiceProvider.GetRequiredService<IOptions<DataverseConnectorOptions>>().Value));
        return services;
    }
}
