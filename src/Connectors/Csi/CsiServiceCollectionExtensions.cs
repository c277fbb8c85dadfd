using ClarityConnect.Connectors.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace ClarityConnect.Connectors.Csi;

/// <summary>Registers the CSI connector.</summary>
public static class CsiServiceCollectionExtensions
{
    /// <summary>Adds <see cref="CsiEventClient"/> behind one pipeline per CSI endpoint (limiter, circuit breaker, attempt
    /// timeout; no retry: the caller's queue retries durably) and validated <see cref="CsiEventClientOptions"/>, which
    /// the host binds from <see cref="CsiEventClientOptions.Section"/>. Calling it again only applies <paramref name="configure"/>.</summary>
    public static IServiceCollection AddCsiConnector(this IServiceCollection services, Action<CsiEventClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var optionsBuilder = services.AddOptions<CsiEventClientOptions>();
        if (configure is not null)
        {
            optionsBuilder.Configure(configure);
        }

        if (services.Any(d => d.ServiceType == typeof(CsiEventLanes)))
        {
            return services;
        }

        optionsBuilder.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CsiEventClientOptions>, CsiEventClientOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<CsiEventLanes>();
        // The pipeline owns the timeout (per attempt); HttpClient's own cap would race it with a vaguer error.
        services.AddHttpClient<CsiEventClient>(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler(CsiResilience.Target, (builder, context) => HttpConnectorResilience.ConfigureUnretried(
                builder,
                context.ServiceProvider.GetRequiredService<CsiEventLanes>().For(context.InstanceName),
                context.ServiceProvider.GetRequiredService<IOptions<CsiEventClientOptions>>().Value,
                CsiResilience.IsFailureAsync,
                CsiResilience.DescribeAsync))
            .SelectPipelineBy(_ => request => CsiEventLanes.KeyOf(request.RequestUri!));
        return services;
    }
}
