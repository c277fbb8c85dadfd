namespace ClarityConnect.Abstractions.Integrations;

/// <summary>The stored settings of one integration, without secret values.</summary>
[GenerateSerializer, Immutable]
public sealed record IntegrationConfigView
{
    /// <summary>The configuration key.</summary>
    [Id(0)] public required string Integration { get; init; }
    /// <summary>The version to pass to the next update; 0 when nothing was ever saved.</summary>
    [Id(1)] public long Version { get; init; }
    /// <summary>The settings, every secret member null (defaults when nothing was saved).</summary>
    [Id(2)] public required IntegrationSettings Settings { get; init; }
    /// <summary>The names of the secrets that are set.</summary>
    [Id(3)] public IReadOnlyList<string> SecretsSet { get; init; } = [];
    /// <summary>When the settings were last saved.</summary>
    [Id(4)] public DateTimeOffset? UpdatedAt { get; init; }
}
