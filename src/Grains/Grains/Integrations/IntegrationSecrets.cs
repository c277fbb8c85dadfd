using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Connectors.Security;

namespace ClarityConnect.Grains.Integrations;

/// <summary>Reads an integration's settings together with its decrypted secrets, for connectors running in this silo. Never exposed to clients.</summary>
public sealed class IntegrationSecrets(IGrainFactory grains, ISecretProtector protector)
{
    /// <summary>The settings of <paramref name="integration"/> with every stored secret filled in.</summary>
    public async Task<T> GetAsync<T>(string integration) where T : IntegrationSettings
    {
        var view = await grains.GetGrain<IIntegrationConfigGrain>(integration).GetAsync();
        var secrets = await grains.GetGrain<IIntegrationSecretsGrain>(integration).GetProtectedSecretsAsync();
        var settings = (T)view.Settings;
        var plain = secrets.ToDictionary(s => s.Key, s => protector.Unprotect(s.Value, IntegrationConfigGrain.Purpose(integration, s.Key)));
        return (T)(object)(settings switch
        {
            SalesforceSettings s => s with { ConsumerSecret = plain.GetValueOrDefault(SalesforceSettings.ConsumerSecretName) },
            DynamicsSettings d => d with { ClientKey = plain.GetValueOrDefault(DynamicsSettings.ClientKeyName) },
            CsiSettings c => c with { DeveloperKey = plain.GetValueOrDefault(CsiSettings.DeveloperKeyName), FtpPassword = plain.GetValueOrDefault(CsiSettings.FtpPasswordName) },
            _ => settings,
        });
    }
}
