namespace ClarityConnect.Grains.Integrations;

/// <summary>Silo-side access to an integration's encrypted secrets (implemented by the config grain). Values stay encrypted: only a silo holding the key can read them.</summary>
public interface IIntegrationSecretsGrain : IGrainWithStringKey
{
    /// <summary>The encrypted secrets by name.</summary>
    Task<Dictionary<string, string>> GetProtectedSecretsAsync();
}
