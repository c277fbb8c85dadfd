using System.Diagnostics;
using Xunit.Abstractions;

namespace ClarityConnect.EndToEnd.Tests;

/// <summary>
/// Stopping a silo right after its peer was killed, as separate processes against the throwaway PostgreSQL: calls the
/// survivor still has out to the dead peer wait for Orleans' 30-second response timeout, and the silo's shutdown
/// timeout (<c>ClarityConnect:Cluster:ShutdownTimeout</c>) must bound how long the stop waits for them.
/// </summary>
public sealed class SiloShutdownTests(ITestOutputHelper output)
{
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(5);

    // Well above the shutdown timeout plus the few seconds the process needs to end after it, well below the response
    // timeout that held the silo before.
    private static readonly TimeSpan ExitLimit = TimeSpan.FromSeconds(25);

    [SkippableFact]
    public async Task A_silo_whose_peer_was_just_killed_stops_within_its_shutdown_timeout()
    {
        await using var cluster = await MultiProcessCluster.StartAsync(silos: 2,
            new Dictionary<string, string> { ["ClarityConnect__Cluster__ShutdownTimeout"] = ShutdownTimeout.ToString() });
        var simulator = cluster.StartSimulator(
            "--sessions", "300", "--concurrency", "20", "--agents", "20", "--think-ms", "40",
            "--call-timeout-ms", "5000", "--recovery-ms", "60000", "--run-id", "stop", "--seed", "13");
        await simulator.WaitForLineAsync(l => SimulatorProgress.TryParse(l) is { Finished: >= 20 }, MultiProcessCluster.StartTimeout, "sessions finishing");

        // Sessions are running through both silos: the survivor has calls out to the peer when it dies.
        await cluster.Silos[0].KillAsync();
        var survivor = cluster.Silos[1];
        var clock = Stopwatch.StartNew();
        survivor.Terminate();
        var exitCode = await survivor.WaitForExitAsync(ExitLimit);
        output.WriteLine($"{survivor.Name} exited with {exitCode} {clock.Elapsed.TotalSeconds:0.0} s after SIGTERM");

        Assert.True(exitCode == 0, $"{survivor.Name} exited with {exitCode}.{survivor.Describe()}");
        cluster.KeepLogs = false;
    }
}
