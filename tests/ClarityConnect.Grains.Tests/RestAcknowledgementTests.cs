using ClarityConnect.Abstractions.Agents;
using ClarityConnect.Abstractions.Events;
using ClarityConnect.Abstractions.Sessions;
using ClarityConnect.Grains.Events;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.TestingHost;

namespace ClarityConnect.Grains.Tests;

/// <summary>
/// A consumer acknowledges an event that leaves its entity at rest (a session ended, an agent off its session) at once,
/// not when its acknowledgement timer fires: the timer only pays off while more events come to share the call (issue 16:
/// silo calls per life cycle). This cluster's timer waits half an hour, so only the at-rest acknowledgement can empty
/// the producers' outboxes within the test.
/// </summary>
public sealed class RestAcknowledgementTests : IAsyncLifetime
{
    private readonly SlowAcknowledgementClusterFixture fixture = new();

    public Task InitializeAsync() => fixture.InitializeAsync();

    public Task DisposeAsync() => fixture.DisposeAsync();

    [Fact]
    public async Task A_completed_session_and_its_agent_back_to_available_are_acknowledged_by_every_consumer_without_waiting_for_the_timer()
    {
        var (session, agentId) = await new SessionDriver(fixture.Grains).NewAsync(SessionStatus.Completed);
        var sources = new[]
        {
            (Key: ChangeStreams.SessionKey(session.GetPrimaryKeyString()), Source: fixture.Grains.GetGrain<IChangeEventSource>(GrainId.Create(Sessions.SessionGrain.GrainTypeName, session.GetPrimaryKeyString()))),
            (Key: ChangeStreams.AgentKey(agentId), Source: fixture.Grains.GetGrain<IChangeEventSource>(GrainId.Create(Agents.AgentGrain.GrainTypeName, agentId))),
        };
        Assert.Equal(AgentStatus.Available, (await fixture.Grains.GetGrain<IAgentGrain>(agentId).GetAsync()).Status);

        foreach (var (key, source) in sources)
        {
            foreach (var consumer in StreamConsumers.Of(key))
            {
                await Eventually.TrueAsync(async () => (await source.GetPendingAsync(consumer, 0)) is { Events.Count: 0, Acknowledged: > 0 },
                    $"{source.GetGrainId()} heard {consumer} acknowledge every event");
            }
        }
    }

    [Fact]
    public async Task A_session_still_in_progress_is_acknowledged_only_by_the_timer()
    {
        var (session, _) = await new SessionDriver(fixture.Grains).NewAsync(SessionStatus.Active);
        var key = ChangeStreams.SessionKey(session.GetPrimaryKeyString());
        var sequence = (await session.GetAsync()).EventSequence;
        await StreamConsumers.WaitHandledAsync(fixture.Grains, key, sequence);

        var source = fixture.Grains.GetGrain<IChangeEventSource>(GrainId.Create(Sessions.SessionGrain.GrainTypeName, session.GetPrimaryKeyString()));
        foreach (var consumer in StreamConsumers.Of(key))
        {
            Assert.Equal(sequence, (await source.GetPendingAsync(consumer, 0)).Events.Count);
        }
    }

    private sealed class SlowAcknowledgementClusterFixture : CoreClusterFixture
    {
        public SlowAcknowledgementClusterFixture() : base(1)
        {
        }

        protected override void AddConfigurators(TestClusterBuilder builder)
        {
            base.AddConfigurators(builder);
            builder.AddSiloBuilderConfigurator<SlowAcknowledgement>();
        }
    }

    private sealed class SlowAcknowledgement : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo) => silo.Services.Configure<ChangeEventOptions>(o =>
        {
            o.RedeliveryPeriod = TimeSpan.FromHours(1);
            o.ReminderRetention = TimeSpan.FromHours(1);
            o.AcknowledgementDelay = TimeSpan.FromMinutes(30);
        });
    }
}
