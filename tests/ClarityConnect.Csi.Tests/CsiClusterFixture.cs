using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Grains.Csi;
using ClarityConnect.Grains.Events;
using ClarityConnect.Silo.Configuration;
using ClarityConnect.TestDoubles.Csi;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace ClarityConnect.Csi.Tests;

/// <summary>A one-silo cluster on the embedded profile whose CSI integration points at a <see cref="CsiDouble"/> on loopback.</summary>
public sealed class CsiClusterFixture : IAsyncLifetime
{
    public CsiDouble Csi { get; } = new();

    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "clarityconnect-csi-tests", Guid.NewGuid().ToString("n"));

    public async Task InitializeAsync()
    {
        await Csi.StartAsync();
        var builder = new TestClusterBuilder(1);
        builder.Properties[Configurator.DataDirectoryKey] = DataDirectory;
        builder.Options.ServiceId = "clarityconnect-" + Path.GetFileName(DataDirectory);
        builder.AddSiloBuilderConfigurator<Configurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
        await ConfigureAsync(s => s);
    }

    /// <summary>Saves CSI settings pointing at the double, changed by <paramref name="change"/>.</summary>
    public async Task ConfigureAsync(Func<CsiSettings, CsiSettings> change)
    {
        var config = Grains.GetGrain<IIntegrationConfigGrain>(IntegrationNames.Csi);
        var settings = new CsiSettings { Enabled = true, SendChangeEvents = true, InstanceAddress = Csi.InstanceAddress, DeveloperKey = Csi.DeveloperKey };
        await config.UpdateAsync(change(settings), (await config.GetAsync()).Version);
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        await Csi.DisposeAsync();
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
            silo.Services.Configure<CsiEventOptions>(o =>
            {
                o.MaxBatchAge = TimeSpan.FromMilliseconds(100);
                o.FirstRetryDelay = TimeSpan.FromMilliseconds(100);
                o.MaxRetryDelay = TimeSpan.FromMilliseconds(400);
            });
        }
    }
}

[CollectionDefinition(Name)]
public sealed class CsiCollection : ICollectionFixture<CsiClusterFixture>
{
    public const string Name = "csi cluster";
}
