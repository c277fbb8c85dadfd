using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.TestDoubles.Dataverse;
using ClarityConnect.TestDoubles.Ftp;
using ClarityConnect.TestDoubles.Salesforce;
using Orleans.TestingHost;

namespace ClarityConnect.AdminApi.Tests;

/// <summary>
/// The admin API over a cluster whose remote systems quote the secrets they receive in their error text: a Salesforce
/// and a Dataverse double echoing the token request and the bearer token, and an FTP server echoing <c>PASS</c>.
/// The silos' logs are captured too.
/// </summary>
public sealed class SecretEchoFixture : AdminApiFixture
{
    /// <summary>The consumer secret Salesforce is configured with (the double accepts it; client credentials are off there).</summary>
    public const string SalesforceSecret = "sf-consumer/secret+with=&odd chars";

    /// <summary>The client key Dynamics is configured with (the double expects another one).</summary>
    public const string DynamicsSecret = "dv~client/key+with=&odd chars";

    /// <summary>The CSI FTP password.</summary>
    public const string FtpPassword = "ftp-hunter2/+&=pass";

    public SalesforceDouble Salesforce { get; } = new(clientSecret: SalesforceSecret) { EchoCredentialsInErrors = true, ClientCredentialsEnabled = false };

    public DataverseDouble Dataverse { get; } = new() { EchoCredentialsInErrors = true };

    public EchoingFtpServer Ftp { get; private set; } = null!;

    /// <summary>Every form of every secret of this fixture that must never show.</summary>
    public static IEnumerable<string> SecretForms => new[] { SalesforceSecret, DynamicsSecret, FtpPassword }
        .SelectMany(s => new[] { s, Uri.EscapeDataString(s), Uri.EscapeDataString(s).Replace("%20", "+") });

    /// <inheritdoc />
    protected override void AddConfigurators(TestClusterBuilder builder) => builder.AddSiloBuilderConfigurator<SiloLogCapture>();

    /// <inheritdoc />
    protected override async Task StartDoublesAsync()
    {
        await Salesforce.StartAsync();
        await Dataverse.StartAsync();
        Ftp = EchoingFtpServer.Start();
    }

    /// <inheritdoc />
    protected override async Task ConfigureIntegrationsAsync()
    {
        await base.ConfigureIntegrationsAsync();
        var recordings = Path.Combine(DataDirectory, "recordings");
        Directory.CreateDirectory(recordings);
        await ConfigurePlatformAsync(recordings);
        await UpdateAsync(new SalesforceSettings
        {
            Enabled = true,
            ConsumerKey = Salesforce.ClientId,
            ConsumerSecret = SalesforceSecret,
            LoginUrl = Salesforce.BaseUrl.ToString().TrimEnd('/'),
            UseClientCredentials = true,
        });
        await UpdateAsync(new DynamicsSettings
        {
            Enabled = true,
            ClientId = Dataverse.ClientId,
            ClientKey = DynamicsSecret,
            InstanceUrl = Dataverse.BaseUrl.ToString().TrimEnd('/'),
            AuthorizationUrl = Dataverse.AuthorizationUrl.ToString(),
            TokenUrl = Dataverse.TokenUrl.ToString(),
            UseClientCredentials = true,
        });
        await UpdateAsync(new CsiSettings
        {
            Enabled = true,
            FtpHostname = $"{Ftp.Host}:{Ftp.Port}",
            FtpUsername = "csi",
            FtpPassword = FtpPassword,
            UseSslForFtp = false,
            SendSessionTranscript = true,
        });
    }

    /// <inheritdoc />
    protected override async Task StopDoublesAsync()
    {
        await base.StopDoublesAsync();
        await Salesforce.DisposeAsync();
        await Dataverse.DisposeAsync();
        await Ftp.DisposeAsync();
    }

    private async Task UpdateAsync(IntegrationSettings settings)
    {
        var config = Grains.GetGrain<IIntegrationConfigGrain>(settings.Integration);
        await config.UpdateAsync(settings, (await config.GetAsync()).Version);
    }
}

[CollectionDefinition(Name)]
public sealed class SecretEchoCollection : ICollectionFixture<SecretEchoFixture>
{
    public const string Name = "AdminApi with remote systems echoing secrets";
}
