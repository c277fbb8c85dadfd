using System.Security.Cryptography;
using System.Text.Json.Nodes;
using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Connectors.Security;
using ClarityConnect.Silo.Configuration;
using ClarityConnect.Silo.Storage;
using ClarityConnect.Silo.Tls;
using ClarityConnect.Simulator.Cluster;
using ClarityConnect.Simulator.Options;
using ClarityConnect.TestDoubles.Csi;
using ClarityConnect.TestDoubles.Salesforce;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Storage;

namespace ClarityConnect.Bench.Cluster;

/// <summary>
/// Everything the benchmark measures, in this one process: the loopback Salesforce and CSI doubles, one silo built by
/// <c>SiloBuilderExtensions.AddClarityConnect</c> on the chosen storage profile (free ports, a fresh data folder
/// or service id), and an Orleans client that reaches it through the gateway the way the simulator does.
/// </summary>
public sealed class BenchHost : IAsyncDisposable
{
    /// <summary>How many Salesforce contacts callers are drawn from.</summary>
    public const int Contacts = 500;

    private IHost? _silo;
    private IHost? _client;

    private BenchHost(BenchOptions options)
    {
        Options = options;
        RunId = "bench-" + DateTime.UtcNow.ToString("MMddHHmmss", System.Globalization.CultureInfo.InvariantCulture) + "-" + RandomNumberGenerator.GetHexString(4, lowercase: true);
        DataDirectory = Path.Combine(Path.GetTempPath(), "clarityconnect-bench", RunId);
    }

    /// <summary>The options of the run.</summary>
    public BenchOptions Options { get; }

    /// <summary>Unique per run: the service and cluster id, and the prefix of every session and agent id.</summary>
    public string RunId { get; }

    /// <summary>The embedded profile's data folder (deleted at the end).</summary>
    public string DataDirectory { get; }

    /// <summary>The Salesforce double answering lookups and taking exports.</summary>
    public SalesforceDouble Salesforce { get; } = new();

    /// <summary>The CSI double receiving change events.</summary>
    public CsiDouble Csi { get; } = new();

    /// <summary>Durable writes of the silo, by state name.</summary>
    public DurableWriteCounter Writes { get; } = new();

    /// <summary>Grain calls the silo handled.</summary>
    public GrainCallCounter Calls { get; } = new();

    /// <summary>The client's grain factory.</summary>
    public IGrainFactory Grains => _client!.Services.GetRequiredService<IClusterClient>();

    /// <summary>The silo's default grain storage (counted).</summary>
    public IGrainStorage Storage => _silo!.Services.GetRequiredKeyedService<IGrainStorage>(Orleans.Providers.ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME);

    /// <summary>The silo's services.</summary>
    public IServiceProvider SiloServices => _silo!.Services;

    /// <summary>The phone numbers of the seeded contacts, as callers dial in.</summary>
    public IReadOnlyList<string> CallerNumbers { get; private set; } = [];

    /// <summary>Starts the doubles, the silo and the client, and configures the integrations.</summary>
    public static async Task<BenchHost> StartAsync(BenchOptions options)
    {
        var host = new BenchHost(options);
        await host.Salesforce.StartAsync();
        await host.Csi.StartAsync();
        host.SeedContacts();
        if (options.Postgres is { } postgres)
        {
            await new PostgresSchemaMigrator().MigrateAsync(postgres);
        }

        var gatewayPort = FreePort.Next();
        host._silo = host.BuildSilo(gatewayPort);
        await host._silo.StartAsync();
        host._client = host.BuildClient(gatewayPort);
        await host._client.StartAsync();
        await host.ConfigureIntegrationsAsync();
        return host;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var host in new[] { _client, _silo })
        {
            if (host is not null)
            {
                using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                try
                {
                    await host.StopAsync(stopping.Token);
                }
                catch (OperationCanceledException)
                {
                    // Stopping slowly only delays the exit; the figures are written already.
                }

                host.Dispose();
            }
        }

        await Csi.DisposeAsync();
        await Salesforce.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    private IHost BuildSilo(int gatewayPort)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        Quiet(builder.Logging);
        var options = new ClarityConnectOptions
        {
            Storage = new ClarityConnectOptions.StorageSettings
            {
                Profile = Options.Postgres is null ? StorageProfile.Embedded : StorageProfile.PostgreSql,
                DataDirectory = DataDirectory,
                ConnectionString = Options.Postgres,
            },
            Cluster = new ClarityConnectOptions.ClusterSettings
            {
                ClusterId = RunId, ServiceId = RunId, SiloPort = FreePort.Next(), GatewayPort = gatewayPort, AdvertisedIp = "127.0.0.1",
            },
        };
        if (Options.Postgres is not null)
        {
            builder.Services.Configure<SecretProtectionOptions>(o => o.Key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        }

        // Both profiles run mutual TLS as deployed; the certificates are made in the run's data folder as the embedded silo makes its own.
        var transport = SiloTransport.Embedded(DataDirectory, RunId);
        builder.UseOrleans(silo =>
        {
            silo.AddClarityConnect(options, transport);
            silo.AddIncomingGrainCallFilter(Calls);
            silo.Services.Decorate<IGrainStorage>(Orleans.Providers.ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, (_, inner) => new CountingGrainStorage(inner, Writes));
            silo.Services.Decorate<IReminderTable>(null, (_, inner) => new CountingReminderTable(inner, Writes));
            silo.Services.Decorate<ClarityConnect.Grains.Listings.IListingStore>(null, (_, inner) => new CountingListingStore(inner, Writes));
        });
        return builder.Build();
    }

    private IHost BuildClient(int gatewayPort)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        Quiet(builder.Logging);
        // The simulator's own way to reach a cluster through its gateway.
        var target = ClusterTarget.From(new SimulatorOptions
        {
            Gateway = $"127.0.0.1:{gatewayPort}", ClusterId = RunId, ServiceId = RunId,
            Tls = new ClarityConnect.ClusterClient.ClusterTlsSettings { Directory = Path.Combine(DataDirectory, ClarityConnect.ClusterClient.ClientCertificateLocator.DataSubdirectory) },
        });
        builder.UseOrleansClient(client =>
        {
            target.Configure(client);
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(60));
        });
        return builder.Build();
    }

    private static void Quiet(ILoggingBuilder logging)
    {
        logging.AddConsole();
        logging.SetMinimumLevel(LogLevel.Error);
        logging.AddFilter("Orleans", LogLevel.Critical);
        logging.AddFilter("Microsoft", LogLevel.Critical);
        logging.AddFilter("System.Net.Http", LogLevel.Critical);
    }

    private void SeedContacts()
    {
        var numbers = new List<string>();
        for (var i = 0; i < Contacts; i++)
        {
            // 555-0100…0199 is reserved for fiction in every North American area code.
            var area = 201 + i / 100;
            var line = 100 + i % 100;
            Salesforce.AddRecord("Contact", new JsonObject
            {
                ["FirstName"] = "Bench", ["LastName"] = $"Caller{i:0000}", ["Phone"] = $"({area}) 555-{line:0000}", ["Email"] = $"caller{i}@example.com",
            });
            numbers.Add($"+1 {area} 555 {line:0000}");
        }

        CallerNumbers = numbers;
    }

    private async Task ConfigureIntegrationsAsync()
    {
        await UpdateAsync(IntegrationNames.Salesforce, new SalesforceSettings
        {
            Enabled = true,
            UseClientCredentials = true,
            ConsumerKey = Salesforce.ClientId,
            ConsumerSecret = Salesforce.ClientSecret,
            LoginUrl = Salesforce.BaseUrl.ToString(),
            PushSessionNotes = true,
        });
        await UpdateAsync(IntegrationNames.Platform, new PlatformSettings { AdminWebsiteBaseUrl = "https://admin.example.com", RecordingsRoot = DataDirectory });
        await SetCsiEventsAsync(true);
    }

    /// <summary>Turns the CSI change events on or off.</summary>
    public Task SetCsiEventsAsync(bool on) => UpdateAsync(IntegrationNames.Csi, new CsiSettings
    {
        Enabled = true, SendChangeEvents = on, InstanceAddress = Csi.InstanceAddress, DeveloperKey = Csi.DeveloperKey,
    });

    private async Task UpdateAsync(string integration, IntegrationSettings settings)
    {
        var config = Grains.GetGrain<IIntegrationConfigGrain>(integration);
        await config.UpdateAsync(settings, (await config.GetAsync()).Version);
    }
}
