using ClarityConnect.Abstractions.Agents;
using ClarityConnect.Abstractions.Events;
using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Abstractions.Sessions;

namespace ClarityConnect.Grains.Tests;

public sealed class RestartTests
{
    [Fact]
    public async Task Sessions_agents_settings_and_event_progress_survive_a_cluster_restart()
    {
        var first = new CoreClusterFixture();
        await first.InitializeAsync();
        var (session, agentId) = await new SessionDriver(first.Grains).NewAsync(SessionStatus.WrapUp);
        var sessionId = session.GetPrimaryKeyString();
        await session.SetWrapUpDetailsAsync(new WrapUpDetails { Notes = "Call back tomorrow" });
        var config = first.Grains.GetGrain<IIntegrationConfigGrain>(IntegrationNames.Platform);
        await config.UpdateAsync(new PlatformSettings { AdminWebsiteBaseUrl = "https://admin.example.com", RecordingsRoot = "/var/recordings" }, (await config.GetAsync()).Version);
        var before = await session.GetAsync();
        await first.Cluster.StopAllSilosAsync();
        await first.Cluster.DisposeAsync();

        var second = new RestartedClusterFixture(first.DataDirectory);
        await second.InitializeAsync();
        try
        {
            var after = await second.Grains.GetGrain<ISessionGrain>(sessionId).GetAsync();
            Assert.Equal((before.Status, before.EventSequence, before.History.Count, "Call back tomorrow"), (after.Status, after.EventSequence, after.History.Count, after.Notes));
            Assert.Equal(before.ExtraItems, after.ExtraItems);
            var agent = await second.Grains.GetGrain<IAgentGrain>(agentId).GetAsync();
            Assert.Equal((AgentStatus.WrapUp, sessionId), (agent.Status, agent.SessionId));
            var settings = Assert.IsType<PlatformSettings>((await second.Grains.GetGrain<IIntegrationConfigGrain>(IntegrationNames.Platform).GetAsync()).Settings);
            Assert.Equal("https://admin.example.com", settings.AdminWebsiteBaseUrl);

            // The session goes on where it stopped, and its next event follows the stored sequence.
            await second.Grains.GetGrain<ISessionGrain>(sessionId).CompleteAsync();
            var key = ChangeStreams.SessionKey(sessionId);
            await Eventually.TrueAsync(async () =>
                (await second.Grains.GetGrain<ICrmExporterGrain>(key).GetProgressAsync()).HandledSequence == before.EventSequence + 1,
                "the completion event is handled after the restart");
        }
        finally
        {
            await second.DisposeAsync();
        }
    }

    private sealed class RestartedClusterFixture(string dataDirectory) : CoreClusterFixture(1, dataDirectory);
}
