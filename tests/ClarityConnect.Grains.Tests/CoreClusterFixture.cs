using Orleans.TestingHost;

namespace ClarityConnect.Grains.Tests;

/// <summary>The core tests' cluster: recording change handlers and an in-memory CRM behind the adapter seam.</summary>
public class CoreClusterFixture : ClusterFixture
{
    public CoreClusterFixture() : this(1)
    {
    }

    protected CoreClusterFixture(int silos, string? dataDirectory = null) : base(silos, dataDirectory)
    {
    }

    protected override void AddConfigurators(TestClusterBuilder builder)
    {
        builder.AddSiloBuilderConfigurator<CoreSiloConfigurator>();
        builder.AddClientBuilderConfigurator<CoreClientConfigurator>();
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<CoreClusterFixture>
{
    public const string Name = "cluster";
}
