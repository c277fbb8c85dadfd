namespace ClarityConnect.Abstractions.Integrations;

/// <summary>
/// The settings of one integration. Secret members are write-only: on an update, null keeps the stored secret, an
/// empty string clears it, any other value replaces it; on a read they are always null and
/// <see cref="IntegrationConfigView.SecretsSet"/> says which are set.
/// </summary>
[GenerateSerializer, Immutable]
public abstract record IntegrationSettings
{
    /// <summary>The configuration key these settings belong to (<see cref="IntegrationNames"/>).</summary>
    public abstract string Integration { get; }

    /// <summary>The secret members by name, with the values this instance carries.</summary>
    public abstract IReadOnlyDictionary<string, string?> GetSecrets();

    /// <summary>A copy with every secret member null.</summary>
    public abstract IntegrationSettings WithoutSecrets();

    /// <summary>The settings as text for logs and messages, every secret left out (a record would otherwise print them).</summary>
    public sealed override string ToString()
    {
        var safe = WithoutSecrets();
        var secrets = GetSecrets().Where(s => !string.IsNullOrEmpty(s.Value)).Select(s => s.Key);
        return $"{GetType().Name} {System.Text.Json.JsonSerializer.Serialize(safe, safe.GetType())} (secrets set: {string.Join(", ", secrets)})";
    }
}
