using System.Web;
using ClarityConnect.Abstractions.Crm;
using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Connectors.Dataverse;
using ClarityConnect.Grains.Events;
using ClarityConnect.Grains.Exports;
using ClarityConnect.Silo.Configuration;
using ClarityConnect.TestDoubles.Dataverse;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace ClarityConnect.Dynamics.Tests;

/// <summary>
/// A one-silo cluster on the embedded profile with the real Dataverse connector, pointed at a <see cref="DataverseDouble"/>
/// on loopback, enabled and authorized through the "Key icon" flow as an administrator would.
/// </summary>
public sealed class DynamicsClusterFixture : IAsyncLifetime
{
    public DataverseDouble Dataverse { get; } = new();

    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "clarityconnect-dv-tests", Guid.NewGuid().ToString("n"));

    public string RecordingsDirectory => Path.Combine(DataDirectory, "recordings");

    public static readonly Uri RedirectUri = new("https://admin.example.com/api/integrations/dynamics/callback");

    public async Task InitializeAsync()
    {
        await Dataverse.StartAsync();
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

    /// <summary>Saves the Microsoft Dynamics settings pointing at the double.</summary>
    public async Task ConfigureAsync(bool enabled, bool clientCredentials = false)
    {
        var config = Grains.GetGrain<IIntegrationConfigGrain>(IntegrationNames.Dynamics);
        await config.UpdateAsync(new DynamicsSettings
        {
            Enabled = enabled,
            ClientId = Dataverse.ClientId,
            ClientKey = Dataverse.ClientSecret,
            InstanceUrl = Dataverse.BaseUrl.ToString().TrimEnd('/'),
            AuthorizationUrl = Dataverse.AuthorizationUrl.ToString(),
            TokenUrl = Dataverse.TokenUrl.ToString(),
            UseClientCredentials = clientCredentials,
            PushCallRecordings = true,
            PushSessionNotes = true,
            PushSessionTranscript = true,
        }, (await config.GetAsync()).Version);
    }

    /// <summary>The "Key icon": open the authorization URL, let the double's login page issue a code, follow the redirect back.</summary>
    public async Task<AuthorizationStatus> AuthorizeAsync()
    {
        var authorization = Grains.GetGrain<ICrmAuthorizationGrain>(IntegrationNames.Dynamics);
        var url = await authorization.BeginAsync(RedirectUri);
        var query = HttpUtility.ParseQueryString(url.Query);
        var code = Dataverse.IssueAuthorizationCode(query["code_challenge"], new Uri(query["redirect_uri"]!));
        return await authorization.CompleteAsync(query["state"]!, code);
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        await Dataverse.DisposeAsync();
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
            silo.Services.Configure<DataverseConnectorOptions>(o =>
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
public sealed class DynamicsCollection : ICollectionFixture<DynamicsClusterFixture>
{
    public const string Name = "dynamics cluster";
}
