using System.Diagnostics;
using ClarityConnect.Abstractions.Agents;
using ClarityConnect.Abstractions.Events;
using ClarityConnect.Grains.Events;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace ClarityConnect.Grains.Tests;

/// <summary>
/// The embedded profile's crash case with the product's default redelivery period (the other tests use a fast one): an
/// event not yet acknowledged when the silo dies comes back through the entity's redelivery reminder once the silo is
/// started again on the same data folder.
/// </summary>
public sealed class CrashRedeliveryTests
{
    // The former default period: a reminder registered with it cannot fire before this has passed since its registration.
    private static readonly TimeSpan FormerPeriod = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task An_event_unacknowledged_when_the_silo_crashed_is_redelivered_after_the_restart_before_a_minute_has_passed()
    {
        var agentId = "crash-" + Guid.NewGuid().ToString("n")[..8];
        var key = ChangeStreams.AgentKey(agentId);
        RecordingChangeHandler.FailNextAttempt(ChangeConsumers.Csi, key, 1);
        var first = new DefaultRedeliveryClusterFixture();
        await first.InitializeAsync();
        var sinceRegistration = Stopwatch.StartNew();
        await first.Grains.GetGrain<IAgentGrain>(agentId).SetStatusAsync(AgentStatus.Available);
        await Eventually.TrueAsync(() => Task.FromResult(!RecordingChangeHandler.FailureArmed(ChangeConsumers.Csi, key, 1)),
            "the CSI consumer's attempt failed, leaving the event in the agent's outbox");
        await first.Cluster.KillSiloAsync(first.Cluster.Primary!);
        await first.Cluster.DisposeAsync();

        var second = new DefaultRedeliveryClusterFixture(first.DataDirectory);
        await second.InitializeAsync();
        try
        {
            // Nothing calls the agent: only its redelivery reminder can bring the event back.
            await Eventually.TrueAsync(
                async () => (await second.Grains.GetGrain<ICsiPusherGrain>(key).GetProgressAsync()).HandledSequence == 1,
                "the event is redelivered to the CSI consumer", FormerPeriod - sinceRegistration.Elapsed);
        }
        finally
        {
            await second.DisposeAsync();
        }

        Assert.Equal([1L], RecordingChangeHandler.HandledBy(ChangeConsumers.Csi, key).Select(e => e.Sequence));
    }

    private sealed class DefaultRedeliveryClusterFixture(string? dataDirectory = null) : CoreClusterFixture(1, dataDirectory)
    {
        protected override void AddConfigurators(TestClusterBuilder builder)
        {
            base.AddConfigurators(builder);
            builder.AddSiloBuilderConfigurator<DefaultRedelivery>();
        }
    }

    private sealed class DefaultRedelivery : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo) =>
            silo.Services.Configure<ChangeEventOptions>(o => o.RedeliveryPeriod = new ChangeEventOptions().RedeliveryPeriod);
    }
}
