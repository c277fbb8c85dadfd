using ClarityConnect.Grains.Events;
using ClarityConnect.Grains.Crm;
using ClarityConnect.Silo.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.TestingHost;

namespace ClarityConnect.Grains.Tests;

/// <summary>Configures test silos like the real host's embedded profile, on a per-cluster data folder, with fast redelivery.</summary>
public sealed class TestSiloConfigurator : ISiloConfigurator
{
    /// <summary>The test cluster property holding the data folder.</summary>
    public const string DataDirectoryKey = "ClarityConnectDataDirectory";

    public void Configure(ISiloBuilder silo)
    {
        var dataDirectory = silo.Configuration[DataDirectoryKey] ?? throw new InvalidOperationException("No data folder given");
        silo.AddClarityConnectStorage(new ClarityConnectOptions.StorageSettings { DataDirectory = dataDirectory })
            .AddClarityConnectCore();
        silo.Services.Configure<ChangeEventOptions>(o => o.RedeliveryPeriod = TimeSpan.FromSeconds(2));
        silo.Services.AddSingleton<IChangeEventHandler>(new RecordingChangeHandler(ChangeConsumers.Csi));
        silo.Services.AddSingleton<IChangeEventHandler>(new RecordingChangeHandler(ChangeConsumers.Crm));
        silo.Services.RemoveAll<ICrmAdapter>();
        silo.Services.AddSingleton<ICrmAdapter, InMemoryCrmAdapter>();
        silo.Services.Configure<ClarityConnect.Grains.Exports.ExportOptions>(o => { o.FirstRetryDelay = TimeSpan.FromMilliseconds(100); o.MaxAttempts = 3; });
    }
}

/// <summary>Lets the test client publish on the change stream (to inject duplicates and gaps).</summary>
public sealed class TestClientConfigurator : IClientBuilderConfigurator
{
    public void Configure(Microsoft.Extensions.Configuration.IConfiguration configuration, IClientBuilder client) =>
        client.AddMemoryStreams(Abstractions.Events.ChangeStreams.ProviderName);
}
