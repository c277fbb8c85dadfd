using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ClarityConnect.Abstractions.Agents;
using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Connectors.Csi;
using ClarityConnect.Connectors.Ftp;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.TestingHost;

namespace ClarityConnect.Csi.Tests;

/// <summary>
/// A CSI cluster whose change-event breaker opens after two failed requests and rests 3 seconds, set through the
/// configuration an operator uses (<c>ClarityConnect:Csi:Http</c>), so the silo's binding is exercised too.
/// </summary>
public sealed class CsiTrippingBreakerClusterFixture : CsiClusterFixture
{
    protected override void AddConfigurators(TestClusterBuilder builder)
    {
        builder.Properties[Setting(nameof(CsiEventClientOptions.CircuitBreakerMinimumThroughput))] = "2";
        builder.Properties[Setting(nameof(CsiEventClientOptions.CircuitBreakerBreakDuration))] = "00:00:03";
        builder.Properties[$"{FtpUploadOptions.Section}:{nameof(FtpUploadOptions.UploadTimeout)}"] = "00:07:00";
        builder.Properties[$"{FtpUploadOptions.Section}:{nameof(FtpUploadOptions.CircuitBreakerMinimumThroughput)}"] = "3";
    }

    /// <summary>The options the silo resolved.</summary>
    public T Options<T>()
        where T : class =>
        ((InProcessSiloHandle)Cluster.Primary!).SiloHost.Services.GetRequiredService<IOptions<T>>().Value;

    private static string Setting(string name) => $"{CsiEventClientOptions.Section}:{name}";
}

public sealed class CsiBreakerTests(CsiTrippingBreakerClusterFixture fixture) : IClassFixture<CsiTrippingBreakerClusterFixture>
{
    [Fact]
    public void The_silo_binds_the_ftp_guards_from_their_section_beside_the_other_csi_ftp_settings()
    {
        var ftp = fixture.Options<FtpUploadOptions>();

        Assert.Equal(TimeSpan.FromMinutes(7), ftp.UploadTimeout);
        Assert.Equal(3, ftp.CircuitBreakerMinimumThroughput);
        Assert.Equal(2, fixture.Options<CsiEventClientOptions>().CircuitBreakerMinimumThroughput);
    }

    [Fact]
    public async Task Events_the_open_breaker_holds_back_stay_queued_and_reach_csi_once_it_answers_again()
    {
        var agentId = "agent-" + Guid.NewGuid().ToString("n")[..8];
        string resting = string.Empty;
        fixture.Csi.FailWith = HttpStatusCode.ServiceUnavailable;
        try
        {
            await fixture.Grains.GetGrain<IAgentGrain>(agentId).SetStatusAsync(AgentStatus.Available);
            // Only the queue sends until then: its refused attempts open the breaker.
            await Eventually.TrueAsync(() => Task.FromResult(fixture.Csi.RequestCount >= 2), "CSI refused two of the queue's attempts", TimeSpan.FromSeconds(60));
            await Eventually.TrueAsync(
                async () =>
                {
                    var report = await fixture.Grains.GetGrain<IConnectionTestGrain>(0).TestAsync(IntegrationNames.Csi);
                    resting = report.Steps.Single(s => s.Name == "http").Message;
                    return resting.Contains("is being given a rest", StringComparison.Ordinal);
                },
                "the connection test finds the breaker open",
                TimeSpan.FromSeconds(60));
        }
        finally
        {
            fixture.Csi.FailWith = null;
        }

        Assert.StartsWith($"CSI at {new Uri(fixture.Csi.InstanceAddress).Authority} is being given a rest", resting, StringComparison.Ordinal);
        Assert.EndsWith("The failure that opened it: CSI answered 503 Service Unavailable", resting, StringComparison.Ordinal);
        // The configured rest (3 s), not the default 15 s: the silo bound ClarityConnect:Csi:Http.
        var rest = Regex.Match(resting, @"for another (\d+) s\.");
        Assert.True(rest.Success, resting);
        Assert.InRange(int.Parse(rest.Groups[1].Value, CultureInfo.InvariantCulture), 1, 3);
        await Eventually.TrueAsync(
            () => Task.FromResult(fixture.Csi.Events.Any(e => (string?)e["entityId"] == agentId)),
            "the held-back event reached CSI",
            TimeSpan.FromSeconds(60));
    }
}
