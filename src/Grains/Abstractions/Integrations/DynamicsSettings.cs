namespace ClarityConnect.Abstractions.Integrations;

/// <summary>The manual's Microsoft Dynamics settings, plus what production use needs.</summary>
[GenerateSerializer, Immutable]
public sealed record DynamicsSettings : IntegrationSettings, ICrmConnectionSettings
{
    /// <summary>"Enable Microsoft Dynamics Integration?"</summary>
    [Id(0)] public bool Enabled { get; init; }
    /// <summary>"MS Dynamics ClientId": the Entra ID application (client) id, a GUID.</summary>
    [Id(1)] public string? ClientId { get; init; }
    /// <summary>"MS Dynamics Client Key": the application's client secret. Secret: write-only.</summary>
    [Id(2)] public string? ClientKey { get; init; }
    /// <summary>"MS Dynamics Instance URL", e.g. <c>https://contoso.crm.dynamics.com</c>.</summary>
    [Id(3)] public string? InstanceUrl { get; init; }
    /// <summary>"MS Dynamics Authorization URL", e.g. <c>https://login.microsoftonline.com/{tenant}/oauth2/v2.0/authorize</c>.</summary>
    [Id(4)] public string? AuthorizationUrl { get; init; }
    /// <summary>"MS Dynamics Token URL", e.g. <c>https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token</c>.</summary>
    [Id(5)] public string? TokenUrl { get; init; }
    /// <summary>"MS Dynamics: Push Call Recordings?"</summary>
    [Id(6)] public bool PushCallRecordings { get; init; }
    /// <summary>"MS Dynamics: Push Session Notes?"</summary>
    [Id(7)] public bool PushSessionNotes { get; init; }
    /// <summary>"MS Dynamics: Push Session Transcript?"</summary>
    [Id(8)] public bool PushSessionTranscript { get; init; }
    /// <summary>Timeout of one Dataverse request, in seconds (1–120).</summary>
    [Id(9)] public int RequestTimeoutSeconds { get; init; } = 10;
    /// <summary>At most this many Dataverse requests at once per silo (1–100).</summary>
    [Id(10)] public int MaxConcurrentRequests { get; init; } = 10;
    /// <summary>Authenticate as a service principal with the client-credentials flow (an Application User in Dataverse) instead of the "Key icon" authorization-code flow.</summary>
    [Id(11)] public bool UseClientCredentials { get; init; }

    /// <summary>The name of <see cref="ClientKey"/> in <see cref="IntegrationConfigView.SecretsSet"/>.</summary>
    public const string ClientKeyName = nameof(ClientKey);

    /// <inheritdoc />
    public override string Integration => IntegrationNames.Dynamics;

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, string?> GetSecrets() =>
        new Dictionary<string, string?> { [ClientKeyName] = ClientKey };

    /// <inheritdoc />
    public override IntegrationSettings WithoutSecrets() => this with { ClientKey = null };
}
