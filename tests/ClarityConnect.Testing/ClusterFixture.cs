using Orleans.TestingHost;
using Xunit;

namespace ClarityConnect.Testing;

/// <summary>
/// A test cluster configured like the real host on the embedded (SQLite) profile, in a fresh data folder, with fast
/// retry and redelivery settings (<see cref="TestSiloConfigurator"/>). Derived fixtures start their remote doubles and
/// configure integrations around it.
/// </summary>
public class ClusterFixture : IAsyncLifetime
{
    private readonly int _silos;

    /// <summary>A one-silo cluster.</summary>
    public ClusterFixture() : this(1)
    {
    }

    /// <summary>A cluster of <paramref name="silos"/> silos; with <paramref name="dataDirectory"/> it reopens an earlier cluster's data.</summary>
    protected ClusterFixture(int silos, string? dataDirectory = null)
    {
        _silos = silos;
        DataDirectory = dataDirectory ?? Path.Combine(Path.GetTempPath(), "clarityconnect-tests", Guid.NewGuid().ToString("n"));
    }

    /// <summary>The cluster.</summary>
    public TestCluster Cluster { get; private set; } = null!;

    /// <summary>The client's grain factory.</summary>
    public IGrainFactory Grains => Cluster.GrainFactory;

    /// <summary>The data folder (SQLite database, secret key, recordings).</summary>
    public string DataDirectory { get; }

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        await StartDoublesAsync();
        var builder = new TestClusterBuilder((short)_silos);
        builder.Properties[TestSiloConfigurator.DataDirectoryKey] = DataDirectory;
        // Stored state is keyed by service id: a cluster restarted on the same data keeps it, as the real host does.
        builder.Options.ServiceId = "clarityconnect-" + Path.GetFileName(DataDirectory);
        builder.AddSiloBuilderConfigurator<TestSiloConfigurator>();
        builder.AddClientBuilderConfigurator<TestClientConfigurator>();
        if (AcceptsExternalClients)
        {
            // Real sockets, so they get what a deployed gateway has: mutual TLS with the cluster's certificates.
            builder.Options.ConnectionTransport = ConnectionTransportType.TcpSocket;
            builder.Properties[TestSiloConfigurator.MutualTlsKey] = "true";
        }

        AddConfigurators(builder);
        Cluster = builder.Build();
        await Cluster.DeployAsync();
        await ConfigureIntegrationsAsync();
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        await StopDoublesAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Saves the platform settings exports need: the admin website's URL and where recordings are read from.</summary>
    public async Task ConfigurePlatformAsync(string recordingsRoot)
    {
        var platform = Grains.GetGrain<Abstractions.Integrations.IIntegrationConfigGrain>(Abstractions.Integrations.IntegrationNames.Platform);
        await platform.UpdateAsync(
            new Abstractions.Integrations.PlatformSettings { AdminWebsiteBaseUrl = "https://admin.example.com", RecordingsRoot = recordingsRoot },
            (await platform.GetAsync()).Version);
    }

    /// <summary>Sets the platform setting DefaultPhoneRegion (the region of caller numbers without a country code), keeping the others.</summary>
    public async Task SetDefaultPhoneRegionAsync(string region)
    {
        var platform = Grains.GetGrain<Abstractions.Integrations.IIntegrationConfigGrain>(Abstractions.Integrations.IntegrationNames.Platform);
        var current = await platform.GetAsync();
        await platform.UpdateAsync(((Abstractions.Integrations.PlatformSettings)current.Settings) with { DefaultPhoneRegion = region }, current.Version);
    }

    /// <summary>
    /// Whether Orleans clients outside the test cluster (a standalone admin API) connect to its gateways: they need
    /// real sockets, where the test cluster otherwise talks in memory, and the cluster then runs mutual TLS.
    /// </summary>
    protected virtual bool AcceptsExternalClients => false;

    /// <summary>Adds the derived fixture's silo or client configurators.</summary>
    protected virtual void AddConfigurators(TestClusterBuilder builder)
    {
    }

    /// <summary>Starts the remote doubles before the cluster.</summary>
    protected virtual Task StartDoublesAsync() => Task.CompletedTask;

    /// <summary>Saves integration settings once the cluster runs.</summary>
    protected virtual Task ConfigureIntegrationsAsync() => Task.CompletedTask;

    /// <summary>Stops the remote doubles after the cluster.</summary>
    protected virtual Task StopDoublesAsync() => Task.CompletedTask;
}
