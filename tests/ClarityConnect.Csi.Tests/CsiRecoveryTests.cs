using System.Net;
using ClarityConnect.Abstractions.Agents;
using ClarityConnect.Grains.Csi;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace ClarityConnect.Csi.Tests;

/// <summary>
/// A cluster whose CSI queues, once a batch failed, would wait an hour before trying it again (as a long outage leaves
/// the doubling backoff, only longer), with the probe period at its default.
/// </summary>
public sealed class CsiLongBackoffClusterFixture : CsiClusterFixture
{
    protected override void AddConfigurators(TestClusterBuilder builder) => builder.AddSiloBuilderConfigurator<LongBackoff>();

    private sealed class LongBackoff : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo) => silo.Services.Configure<CsiEventOptions>(o =>
        {
            o.FirstRetryDelay = TimeSpan.FromHours(1);
            o.MaxRetryDelay = TimeSpan.FromHours(1);
        });
    }
}

public sealed class CsiRecoveryTests(CsiLongBackoffClusterFixture fixture) : IClassFixture<CsiLongBackoffClusterFixture>
{
    [Fact]
    public async Task After_an_outage_the_backlog_leaves_as_soon_as_csi_answers_a_probe_not_when_the_backoff_ends()
    {
        var agentId = "agent-" + Guid.NewGuid().ToString("n")[..8];
        fixture.Csi.FailWith = HttpStatusCode.ServiceUnavailable;
        try
        {
            await fixture.Grains.GetGrain<IAgentGrain>(agentId).SetStatusAsync(AgentStatus.Available);
            // The batch and then a probe were refused: from here only a probe that CSI answers can send the backlog
            // before the hour is up.
            await Eventually.TrueAsync(() => Task.FromResult(fixture.Csi.RequestCount >= 2), "CSI refused the batch and a probe", TimeSpan.FromSeconds(60));
        }
        finally
        {
            fixture.Csi.FailWith = null;
        }

        await Eventually.TrueAsync(() => Task.FromResult(fixture.Csi.Events.Any(e => (string?)e["entityId"] == agentId)),
            "the waiting event reached CSI", TimeSpan.FromSeconds(60));
        Assert.True(fixture.Csi.ProbeCount >= 1, "CSI answered a probe (a request without events) before the backlog was sent");
    }
}
