using Microsoft.Extensions.DependencyInjection;

namespace ClarityConnect.Bench.Cluster;

/// <summary>Replaces a registered singleton by a wrapper around it, keeping how the original is created.</summary>
public static class ServiceDecoration
{
    /// <summary>Wraps the last registration of <typeparamref name="T"/> (with <paramref name="key"/> when keyed).</summary>
    public static void Decorate<T>(this IServiceCollection services, object? key, Func<IServiceProvider, T, T> wrap) where T : class
    {
        var original = services.LastOrDefault(d => d.ServiceType == typeof(T) && Equals(d.ServiceKey, key))
            ?? throw new InvalidOperationException($"No {typeof(T).Name} is registered{(key is null ? "" : $" as '{key}'")}.");
        services.Remove(original);
        if (key is null)
        {
            services.AddSingleton(sp => wrap(sp, (T)Create(sp, original, null)));
        }
        else
        {
            services.AddKeyedSingleton<T>(key, (sp, k) => wrap(sp, (T)Create(sp, original, k)));
        }
    }

    private static object Create(IServiceProvider services, ServiceDescriptor original, object? key) =>
        original.IsKeyedService
            ? original.KeyedImplementationInstance
              ?? original.KeyedImplementationFactory?.Invoke(services, key)
              ?? ActivatorUtilities.CreateInstance(services, original.KeyedImplementationType!)
            : original.ImplementationInstance
              ?? original.ImplementationFactory?.Invoke(services)
              ?? ActivatorUtilities.CreateInstance(services, original.ImplementationType!);
}
