using ClarityConnect.Abstractions.Integrations;

namespace ClarityConnect.Grains.Integrations;

/// <summary>Reads an integration's settings together with its decrypted secrets, for connectors running in this silo, from the silo's <see cref="IntegrationSettingsCache"/>. Never exposed to clients.</summary>
public sealed class IntegrationSecrets(IntegrationSettingsCache cache)
{
    /// <summary>The settings of <paramref name="integration"/> with every stored secret filled in.</summary>
    public async Task<T> GetAsync<T>(string integration) where T : IntegrationSettings => await cache.GetWithSecretsAsync<T>(integration);
}
