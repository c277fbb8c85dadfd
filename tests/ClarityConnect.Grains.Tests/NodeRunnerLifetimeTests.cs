using ClarityConnect.Abstractions.Nodes;
using ClarityConnect.Abstractions.Sessions;

namespace ClarityConnect.Grains.Tests;

/// <summary>
/// A session builds its node runner (and with it a client per CRM) for the node it runs, not for its whole activation:
/// most sessions run no lookup, and none runs one for the length of the call (issue 16: bytes per session).
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class NodeRunnerLifetimeTests(CoreClusterFixture fixture)
{
    [Fact]
    public async Task Started_sessions_build_no_node_runner_and_each_node_run_builds_one()
    {
        await new ExportScenario(fixture).EnableSalesforceAsync();
        var driver = new SessionDriver(fixture.Grains);
        var before = CoreSiloConfigurator.NodeRunnersBuilt;
        var sessions = new List<ISessionGrain>();
        for (var i = 0; i < 10; i++)
        {
            sessions.Add((await driver.NewAsync(SessionStatus.New)).Session);
        }

        Assert.Equal(before, CoreSiloConfigurator.NodeRunnersBuilt);

        var outcome = await sessions[0].RunNodeAsync(ExportScenario.Lookup(fresh: true));
        Assert.Equal(NodeExit.Match, outcome.Exit);
        Assert.Equal(before + 1, CoreSiloConfigurator.NodeRunnersBuilt);
    }
}
