namespace ClarityConnect.Abstractions.Integrations;

/// <summary>The manual's Salesforce settings, plus what production use needs.</summary>
[GenerateSerializer, Immutable]
public sealed record SalesforceSettings : IntegrationSettings, ICrmConnectionSettings
{
    /// <summary>"Enable Salesforce Integration?"</summary>
    [Id(0)] public bool Enabled { get; init; }
    /// <summary>"Salesforce Consumer Key" of the connected app.</summary>
    [Id(1)] public string? ConsumerKey { get; init; }
    /// <summary>"Salesforce Consumer Secret". Secret: write-only.</summary>
    [Id(2)] public string? ConsumerSecret { get; init; }
    /// <summary>"Salesforce: Push Call Recordings?"</summary>
    [Id(3)] public bool PushCallRecordings { get; init; }
    /// <summary>"Salesforce: Push Session Notes?"</summary>
    [Id(4)] public bool PushSessionNotes { get; init; }
    /// <summary>"Salesforce: Push Session Transcript?"</summary>
    [Id(5)] public bool PushSessionTranscript { get; init; }
    /// <summary>The login URL: <c>https://login.salesforce.com</c>, <c>https://test.salesforce.com</c> (sandbox) or a My Domain URL.</summary>
    [Id(6)] public string LoginUrl { get; init; } = "https://login.salesforce.com";
    /// <summary>The REST API version, e.g. <c>62.0</c>.</summary>
    [Id(7)] public string ApiVersion { get; init; } = "62.0";
    /// <summary>Timeout of one Salesforce request, in seconds (1–120).</summary>
    [Id(8)] public int RequestTimeoutSeconds { get; init; } = 10;
    /// <summary>At most this many Salesforce requests at once per silo (1–100).</summary>
    [Id(9)] public int MaxConcurrentRequests { get; init; } = 10;
    /// <summary>Authenticate with the OAuth client-credentials flow (the connected app's run-as user) instead of the "Key icon" web-server flow.</summary>
    [Id(10)] public bool UseClientCredentials { get; init; }

    /// <summary>The name of <see cref="ConsumerSecret"/> in <see cref="IntegrationConfigView.SecretsSet"/>.</summary>
    public const string ConsumerSecretName = nameof(ConsumerSecret);

    /// <inheritdoc />
    public override string Integration => IntegrationNames.Salesforce;

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, string?> GetSecrets() =>
        new Dictionary<string, string?> { [ConsumerSecretName] = ConsumerSecret };

    /// <inheritdoc />
    public override IntegrationSettings WithoutSecrets() => this with { ConsumerSecret = null };
}
