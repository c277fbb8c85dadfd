using Orleans.TestingHost;

namespace ClarityConnect.Grains.Tests;

/// <summary>A test cluster on the embedded (SQLite) profile in a fresh data folder.</summary>
public class ClusterFixture : IAsyncLifetime
{
    private readonly int _silos;

    public ClusterFixture() : this(1)
    {
    }

    protected ClusterFixture(int silos, string? dataDirectory = null)
    {
        _silos = silos;
        DataDirectory = dataDirectory ?? Path.Combine(Path.GetTempPath(), "clarityconnect-tests", Guid.NewGuid().ToString("n"));
    }

    public TestCluster Cluster { get; private set; } = null!;

    public string DataDirectory { get; }

    public IGrainFactory Grains => Cluster.GrainFactory;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder((short)_silos);
        builder.Properties[TestSiloConfigurator.DataDirectoryKey] = DataDirectory;
        // Stored state is keyed by service id: a cluster restarted on the same data keeps it, as the real host does.
        builder.Options.ServiceId = "clarityconnect-" + Path.GetFileName(DataDirectory);
        builder.AddSiloBuilderConfigurator<TestSiloConfigurator>();
        builder.AddClientBuilderConfigurator<TestClientConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
