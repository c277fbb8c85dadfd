using ClarityConnect.Abstractions.Integrations;

namespace ClarityConnect.Grains.Integrations;

/// <summary>
/// One version of an integration's settings as a silo caches it: the settings without secrets and the secrets still
/// encrypted (only a silo holding the key can read them), so a snapshot is safe on the wire and in a log.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record IntegrationSettingsSnapshot
{
    /// <summary>The configuration key (<see cref="IntegrationNames"/>).</summary>
    [Id(0)] public required string Integration { get; init; }
    /// <summary>The stored version; a higher one always replaces a lower one in a silo's cache.</summary>
    [Id(1)] public long Version { get; init; }
    /// <summary>The settings, every secret member null.</summary>
    [Id(2)] public required IntegrationSettings Settings { get; init; }
    /// <summary>The encrypted secrets by name.</summary>
    [Id(3)] public IReadOnlyDictionary<string, string> ProtectedSecrets { get; init; } = new Dictionary<string, string>();

    /// <summary>Names the integration, version and which secrets are set; never a secret, not even encrypted.</summary>
    public override string ToString() =>
        $"{Integration} v{Version} {Settings} (encrypted secrets: {string.Join(", ", ProtectedSecrets.Keys.Order())})";
}
