using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ClarityConnect.Connectors.Csi;

/// <summary>Registers the CSI connector.</summary>
public static class CsiServiceCollectionExtensions
{
    /// <summary>Adds <see cref="CsiEventClient"/> with a per-request timeout; retries are the caller's (durable) business.</summary>
    public static IServiceCollection AddCsiConnector(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient<CsiEventClient>(client => client.Timeout = TimeSpan.FromSeconds(15));
        return services;
    }
}
