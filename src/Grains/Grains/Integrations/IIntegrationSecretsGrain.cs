using Orleans.Concurrency;

namespace ClarityConnect.Grains.Integrations;

/// <summary>Silo-side access to an integration's settings with their encrypted secrets (implemented by the config grain). Values stay encrypted: only a silo holding the key can read them.</summary>
public interface IIntegrationSecretsGrain : IGrainWithStringKey
{
    /// <summary>
    /// The current settings with the encrypted secrets; <paramref name="observer"/> is told of every later save until
    /// its subscription lapses (<see cref="IntegrationSettingsCacheOptions.MaxAge"/> without a renewal) or a
    /// notification fails. Read-only: subscriptions are kept in memory, never written.
    /// </summary>
    [ReadOnly]
    Task<IntegrationSettingsSnapshot> SubscribeAsync(IIntegrationSettingsObserver observer);
}
