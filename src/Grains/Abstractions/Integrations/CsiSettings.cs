namespace ClarityConnect.Abstractions.Integrations;

/// <summary>The manual's CSI World (Virtual Observer) settings.</summary>
[GenerateSerializer, Immutable]
public sealed record CsiSettings : IntegrationSettings
{
    /// <summary>"Enable CSI World Integration?"</summary>
    [Id(0)] public bool Enabled { get; init; }
    /// <summary>"Instance IP/DNS": host name or IP (optionally <c>:port</c>), or an http(s) base URL, of the CSI instance receiving change events.</summary>
    [Id(1)] public string? InstanceAddress { get; init; }
    /// <summary>"Unique Developer Key" authenticating the change-event requests. Secret: write-only.</summary>
    [Id(2)] public string? DeveloperKey { get; init; }
    /// <summary>"Instance FTP Hostname" (optionally <c>:port</c>).</summary>
    [Id(3)] public string? FtpHostname { get; init; }
    /// <summary>"Instance FTP Username".</summary>
    [Id(4)] public string? FtpUsername { get; init; }
    /// <summary>"Instance FTP Password". Secret: write-only.</summary>
    [Id(5)] public string? FtpPassword { get; init; }
    /// <summary>"Use SSL for FTP?": explicit FTPS (AUTH TLS); never falls back to plain FTP.</summary>
    [Id(6)] public bool UseSslForFtp { get; init; }
    /// <summary>"Send ACD Statistics?"</summary>
    [Id(7)] public bool SendAcdStatistics { get; init; }
    /// <summary>"Send Session Recordings?"</summary>
    [Id(8)] public bool SendSessionRecordings { get; init; }
    /// <summary>"Send Session Transcript?"</summary>
    [Id(9)] public bool SendSessionTranscript { get; init; }
    /// <summary>"Send Session &amp; Agent Change Events?"</summary>
    [Id(10)] public bool SendChangeEvents { get; init; }
    /// <summary>"Disabled Queues (for ACD Statistics Upload)": queues whose statistics are not sent.</summary>
    [Id(11)] public IReadOnlyList<string> DisabledQueues { get; init; } = [];
    /// <summary>
    /// "FTPS Trusted CA Certificate": the certificate(s) of a private CA, or the FTP server's own certificate, in PEM
    /// (<c>-----BEGIN CERTIFICATE-----</c> blocks only), trusted for FTPS besides the system store. Certificate
    /// validation is never switched off; a host name mismatch is never forgiven.
    /// </summary>
    [Id(12)] public string? FtpTrustedCaCertificate { get; init; }
    /// <summary>
    /// "FTPS Certificate Host Name": the DNS name the FTP server's certificate must match, when "Instance FTP Hostname"
    /// is an IP address or another name (TLS session resumption, which vsftpd requires by default, needs a DNS name).
    /// </summary>
    [Id(13)] public string? FtpTlsHostName { get; init; }

    /// <summary>The name of <see cref="DeveloperKey"/> in <see cref="IntegrationConfigView.SecretsSet"/>.</summary>
    public const string DeveloperKeyName = nameof(DeveloperKey);
    /// <summary>The name of <see cref="FtpPassword"/> in <see cref="IntegrationConfigView.SecretsSet"/>.</summary>
    public const string FtpPasswordName = nameof(FtpPassword);

    /// <inheritdoc />
    public override string Integration => IntegrationNames.Csi;

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, string?> GetSecrets() =>
        new Dictionary<string, string?> { [DeveloperKeyName] = DeveloperKey, [FtpPasswordName] = FtpPassword };

    /// <inheritdoc />
    public override IntegrationSettings WithoutSecrets() => this with { DeveloperKey = null, FtpPassword = null };
}
