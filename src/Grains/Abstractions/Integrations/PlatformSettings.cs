namespace ClarityConnect.Abstractions.Integrations;

/// <summary>Platform settings the exports need.</summary>
[GenerateSerializer, Immutable]
public sealed record PlatformSettings : IntegrationSettings
{
    /// <summary>The administrative website's base URL; the Session Details link is <c>{base}/sessions/{id}</c>.</summary>
    [Id(0)] public string? AdminWebsiteBaseUrl { get; init; }
    /// <summary>Where recording files are read from: a local folder, or an http(s) base URL; a piece's location is resolved against it.</summary>
    [Id(1)] public string? RecordingsRoot { get; init; }

    /// <inheritdoc />
    public override string Integration => IntegrationNames.Platform;

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, string?> GetSecrets() => new Dictionary<string, string?>();

    /// <inheritdoc />
    public override IntegrationSettings WithoutSecrets() => this;
}
