using System.Reflection;
using ClarityConnect.Abstractions.Agents;
using ClarityConnect.Abstractions.Events;
using ClarityConnect.Abstractions.Sessions;
using ClarityConnect.Grains.Events;
using Orleans.Runtime;

namespace ClarityConnect.Grains.Tests;

/// <summary>
/// Change events are routed by entity kind (issue 16: silo calls per life cycle): a session's events reach the CSI
/// pusher and the CRM exporter, an agent's the CSI pusher alone, and an agent's producer forgets an event once the CSI
/// pusher acknowledged it.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ChangeRoutingByKindTests(CoreClusterFixture fixture)
{
    [Fact]
    public async Task An_agents_events_reach_the_CSI_pusher_and_never_activate_the_CRM_exporter()
    {
        var (session, agentId) = await new SessionDriver(fixture.Grains).NewAsync(SessionStatus.Completed);
        var sessionKey = ChangeStreams.SessionKey(session.GetPrimaryKeyString());
        var agentKey = ChangeStreams.AgentKey(agentId);
        await StreamConsumers.WaitHandledAsync(fixture.Grains, sessionKey, (await session.GetAsync()).EventSequence);
        await StreamConsumers.WaitHandledAsync(fixture.Grains, agentKey, (await fixture.Grains.GetGrain<IAgentGrain>(agentId).GetAsync()).EventSequence);

        var exporters = (await fixture.Grains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics())
            .Where(a => a.GrainType.Contains(nameof(CrmExporterGrain), StringComparison.Ordinal))
            .Select(a => a.GrainId.Key.ToString())
            .ToList();
        Assert.Contains(sessionKey, exporters);
        Assert.DoesNotContain(agentKey, exporters);
        Assert.Empty(RecordingChangeHandler.HandledBy(ChangeConsumers.Crm, agentKey));
        Assert.Equal(5, RecordingChangeHandler.HandledBy(ChangeConsumers.Csi, agentKey).Count);
    }

    [Fact]
    public async Task An_agents_event_is_forgotten_once_the_CSI_pusher_alone_acknowledged_it()
    {
        var agentId = "kind-" + Guid.NewGuid().ToString("n")[..8];
        await fixture.Grains.GetGrain<IAgentGrain>(agentId).SetStatusAsync(AgentStatus.Available);
        var source = fixture.Grains.GetGrain<IChangeEventSource>(GrainId.Create(Agents.AgentGrain.GrainTypeName, agentId));

        // Available leaves the agent at rest, so the CSI pusher acknowledges at once; nothing else is waited for.
        await Eventually.TrueAsync(async () => (await source.GetPendingAsync(ChangeConsumers.Csi, 0)).Acknowledged == 1,
            "the CSI pusher acknowledged the event");
        foreach (var consumer in ChangeConsumers.All)
        {
            Assert.Empty((await source.GetPendingAsync(consumer, 0)).Events);
        }
    }

    [Fact]
    public void Each_consumer_grain_subscribes_to_exactly_the_kinds_routed_to_it()
    {
        var grains = new Dictionary<string, Type> { [ChangeConsumers.Csi] = typeof(CsiPusherGrain), [ChangeConsumers.Crm] = typeof(CrmExporterGrain) };
        foreach (var (consumer, grain) in grains)
        {
            var subscriptions = grain.GetCustomAttributes<ImplicitStreamSubscriptionAttribute>().ToList();
            foreach (var streamNamespace in new[] { ChangeStreams.SessionNamespace, ChangeStreams.AgentNamespace })
            {
                Assert.True(ChangeEventRouting.ConsumersOf(streamNamespace).Contains(consumer) == subscriptions.Any(s => s.Predicate.IsMatch(streamNamespace)),
                    $"{grain.Name} subscribes to {streamNamespace} exactly when {consumer} is routed it");
            }
        }
    }
}
