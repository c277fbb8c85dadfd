using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.TestDoubles.Csi;

namespace ClarityConnect.Csi.Tests;

/// <summary>A cluster whose CSI integration points at a <see cref="CsiDouble"/> on loopback.</summary>
public class CsiClusterFixture : ClusterFixture
{
    public CsiDouble Csi { get; } = new();

    /// <summary>Saves CSI settings pointing at the double, changed by <paramref name="change"/>.</summary>
    public async Task ConfigureAsync(Func<CsiSettings, CsiSettings> change)
    {
        var config = Grains.GetGrain<IIntegrationConfigGrain>(IntegrationNames.Csi);
        var settings = new CsiSettings { Enabled = true, SendChangeEvents = true, InstanceAddress = Csi.InstanceAddress, DeveloperKey = Csi.DeveloperKey };
        await config.UpdateAsync(change(settings), (await config.GetAsync()).Version);
    }

    protected override Task StartDoublesAsync() => Csi.StartAsync();

    protected override Task ConfigureIntegrationsAsync() => ConfigureAsync(s => s);

    protected override Task StopDoublesAsync() => Csi.DisposeAsync().AsTask();
}

[CollectionDefinition(Name)]
public sealed class CsiCollection : ICollectionFixture<CsiClusterFixture>
{
    public const string Name = "csi cluster";
}
