namespace ClarityConnect.Abstractions.Integrations;

/// <summary>Platform settings the exports and lookups need.</summary>
[GenerateSerializer, Immutable]
public sealed record PlatformSettings : IntegrationSettings
{
    /// <summary>The administrative website's base URL; the Session Details link is <c>{base}/sessions/{id}</c>.</summary>
    [Id(0)] public string? AdminWebsiteBaseUrl { get; init; }
    /// <summary>Where recording files are read from: a local folder, or an http(s) base URL; a piece's location is resolved against it.</summary>
    [Id(1)] public string? RecordingsRoot { get; init; }
    /// <summary>
    /// The region of caller numbers written without a country code (<c>(415) 555-0100</c>, <c>07700 900123</c>), as a
    /// two-letter code such as <c>US</c> or <c>GB</c> (<see cref="PhoneRegions"/>); Customer Lookup parses caller
    /// numbers with it. Default <c>US</c>.
    /// </summary>
    [Id(2)] public string DefaultPhoneRegion { get; init; } = PhoneRegions.Default;

    /// <inheritdoc />
    public override string Integration => IntegrationNames.Platform;

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, string?> GetSecrets() => new Dictionary<string, string?>();

    /// <inheritdoc />
    public override IntegrationSettings WithoutSecrets() => this;
}
