using System.Web;
using ClarityConnect.Abstractions.Crm;
using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Connectors.Salesforce;
using ClarityConnect.Grains.Events;
using ClarityConnect.Grains.Exports;
using ClarityConnect.Silo.Configuration;
using ClarityConnect.TestDoubles.Salesforce;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace ClarityConnect.Salesforce.Tests;

/// <summary>
/// A one-silo cluster on the embedded profile with the real Salesforce connector, pointed at a <see cref="SalesforceDouble"/>
/// on loopback, enabled and authorized through the "Key icon" flow as an administrator would.
/// </summary>
public sealed class SalesforceClusterFixture : IAsyncLifetime
{
    public SalesforceDouble Salesforce { get; } = new();

    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "clarityconnect-sf-tests", Guid.NewGuid().ToString("n"));

    public string RecordingsDirectory => Path.Combine(DataDirectory, "recordings");

    public static readonly Uri RedirectUri = new("https://admin.example.com/api/integrations/salesforce/callback");

    public async Task InitializeAsync()
    {
        await Salesforce.StartAsync();
        Salesforce.DefineField("Account", "AccountNumber");
        Directory.CreateDirectory(RecordingsDirectory);
        var builder = new TestClusterBuilder(1);
        builder.Properties[Configurator.DataDirectoryKey] = DataDirectory;
        builder.Options.ServiceId = "clarityconnect-" + Path.GetFileName(DataDirectory);
        builder.AddSiloBuilderConfigurator<Configurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
        await ConfigureAsync(enabled: true);
        var platform = Grains.GetGrain<IIntegrationConfigGrain>(IntegrationNames.Platform);
        await platform.UpdateAsync(new PlatformSettings { AdminWebsiteBaseUrl = "https://admin.example.com", RecordingsRoot = RecordingsDirectory }, (await platform.GetAsync()).Version);
        await AuthorizeAsync();
    }

    /// <summary>Saves the Salesforce settings pointing at the double.</summary>
    public async Task ConfigureAsync(bool enabled)
    {
        var config = Grains.GetGrain<IIntegrationConfigGrain>(IntegrationNames.Salesforce);
        await config.UpdateAsync(new SalesforceSettings
        {
            Enabled = enabled,
            ConsumerKey = Salesforce.ClientId,
            ConsumerSecret = Salesforce.ClientSecret,
            LoginUrl = Salesforce.BaseUrl.ToString(),
            PushCallRecordings = true,
            PushSessionNotes = true,
            PushSessionTranscript = true,
        }, (await config.GetAsync()).Version);
    }

    /// <summary>The "Key icon": open the authorization URL, let the double's login page issue a code, follow the redirect back.</summary>
    public async Task<AuthorizationStatus> AuthorizeAsync()
    {
        var authorization = Grains.GetGrain<ICrmAuthorizationGrain>(IntegrationNames.Salesforce);
        var url = await authorization.BeginAsync(RedirectUri);
        var query = HttpUtility.ParseQueryString(url.Query);
        var code = Salesforce.IssueAuthorizationCode(query["code_challenge"], new Uri(query["redirect_uri"]!));
        return await authorization.CompleteAsync(query["state"]!, code);
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        await Salesforce.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    public sealed class Configurator : ISiloConfigurator
    {
        public const string DataDirectoryKey = "ClarityConnectDataDirectory";

        public void Configure(ISiloBuilder silo)
        {
            silo.AddClarityConnectStorage(new ClarityConnectOptions.StorageSettings { DataDirectory = silo.Configuration[DataDirectoryKey]! })
                .AddClarityConnectCore();
            silo.Services.Configure<ChangeEventOptions>(o => o.RedeliveryPeriod = TimeSpan.FromSeconds(2));
            silo.Services.Configure<ExportOptions>(o =>
            {
                o.FirstRetryDelay = TimeSpan.FromMilliseconds(200);
                o.MaxAttempts = 4;
                o.ReminderPeriod = TimeSpan.FromSeconds(2);
            });
            silo.Services.Configure<SalesforceConnectorOptions>(o =>
            {
                o.RetryBaseDelay = TimeSpan.FromMilliseconds(5);
                o.MaxRetryDelay = TimeSpan.FromMilliseconds(20);
                o.MaxRetryAfter = TimeSpan.FromMilliseconds(20);
                o.MaxRetryAttempts = 2;
                o.CircuitBreakerMinimumThroughput = 1000;
            });
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SalesforceCollection : ICollectionFixture<SalesforceClusterFixture>
{
    public const string Name = "salesforce cluster";
}
