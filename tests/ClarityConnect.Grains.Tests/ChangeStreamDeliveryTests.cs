using ClarityConnect.Abstractions.Events;
using ClarityConnect.Abstractions.Sessions;
using ClarityConnect.Grains.Events;

namespace ClarityConnect.Grains.Tests;

/// <summary>How the change stream reaches its consumers, in grain calls and activations (issue 16: silo calls per life cycle).</summary>
[Collection(ClusterCollection.Name)]
public sealed class ChangeStreamDeliveryTests(CoreClusterFixture fixture)
{
    // Every consumer subscribes implicitly (by grain type), so the pulling agents need no pub-sub rendezvous grain: with
    // one, each stream cost a registration call, a stored registration and an activation that lived as long as the grain
    // collection age.
    [Fact]
    public async Task A_session_life_cycle_reaches_its_consumers_without_a_pub_sub_rendezvous_grain()
    {
        var (session, _) = await new SessionDriver(fixture.Grains).NewAsync(SessionStatus.Completed);
        var key = ChangeStreams.SessionKey(session.GetPrimaryKeyString());
        var sequence = (await session.GetAsync()).EventSequence;

        await StreamConsumers.WaitHandledAsync(fixture.Grains, key, sequence);

        var activations = await fixture.Grains.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        Assert.DoesNotContain(activations, a => a.GrainType.Contains("PubSubRendezvous", StringComparison.Ordinal) && a.ActivationCount > 0);
        Assert.Contains(activations, a => a.GrainType.Contains(nameof(CsiPusherGrain), StringComparison.Ordinal) && a.ActivationCount > 0);
    }
}
