using ClarityConnect.Abstractions.Integrations;

namespace ClarityConnect.Grains.Integrations;

/// <summary>The stored state of an <see cref="IntegrationConfigGrain"/>: settings without secrets, and the secrets encrypted.</summary>
[GenerateSerializer]
public sealed class IntegrationConfigState
{
    [Id(0)] public long Version { get; set; }
    [Id(1)] public IntegrationSettings? Settings { get; set; }
    [Id(2)] public Dictionary<string, string> ProtectedSecrets { get; set; } = [];
    [Id(3)] public DateTimeOffset? UpdatedAt { get; set; }
}
