using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using ClarityConnect.TestDoubles;
using Xunit.Abstractions;

namespace ClarityConnect.EndToEnd.Tests;

/// <summary>
/// The deployed topology end to end, as separate processes on loopback against the throwaway PostgreSQL: two silos,
/// the standalone admin API and the simulator driving sessions; one silo is killed mid-run.
/// </summary>
public sealed class SiloFailoverTests(ITestOutputHelper output)
{
    private const int Sessions = 300;

    // The end-to-end tests run the hosts' build output and reference no product assembly, so SessionGrain's type is named here.
    private const string SessionGrainType = "session";

    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(180);
    private static readonly TimeSpan RecoveryTimeout = TimeSpan.FromSeconds(90);

    [SkippableFact]
    public async Task Killing_a_silo_mid_run_loses_no_session_and_the_admin_api_stays_ready()
    {
        var clock = Stopwatch.StartNew();
        await using var cluster = await MultiProcessCluster.StartAsync(silos: 2);
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: two silos and the admin API ready");
        var simulator = cluster.StartSimulator(
            "--sessions", Sessions.ToString(CultureInfo.InvariantCulture), "--concurrency", "20", "--agents", "20", "--think-ms", "40",
            // Calls to the killed silo fail until the cluster declares it dead: sessions re-read and carry on.
            "--call-timeout-ms", "5000", "--recovery-ms", "60000", "--run-id", "e2e", "--seed", "8");

        // The simulator prints its progress every 5 s; the first line past a fifth of the run is the moment to kill.
        var line = await simulator.WaitForLineAsync(l => SimulatorProgress.TryParse(l) is { } p && p.Finished >= Sessions / 5,
            RunTimeout, "a fifth of the sessions finished");
        var atKill = SimulatorProgress.TryParse(line)!;
        var victim = cluster.Silos[0];
        // The kill must hit work: the victim holds sessions of the run (read from its own metrics) when it dies.
        var sessionsOnVictim = await cluster.ActivationsAsync(victim, SessionGrainType);
        Assert.True(sessionsOnVictim > 0, $"{victim.Name} holds no session when it is killed: the kill would prove nothing.{cluster.Describe()}");
        await victim.KillAsync();
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: killed {victim.Name}, holding {sessionsOnVictim} session activations, at simulator progress {line}");

        var exitCode = await simulator.WaitForExitAsync(RunTimeout);
        var summary = SimulatorSummary.Parse(simulator.Lines);
        Assert.True(summary is not null && exitCode is 0 or 1, $"The simulator exited with {exitCode} without a run summary.{cluster.Describe()}");
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: simulator exited with {exitCode}: {summary.Requested} requested, {summary.Started} started, "
            + $"{summary.Completed} completed, {summary.Abandoned} abandoned, {summary.Failed} failed ({string.Join(", ", summary.NamedFailures)})");
        Assert.True(atKill.Finished < summary.Requested && summary.Completed > atKill.Completed,
            $"The silo was not killed mid-run: {atKill} at the kill, {summary} at the end.{simulator.Describe()}");
        Assert.True(summary.Completed + summary.Abandoned >= summary.Requested * 3 / 4,
            $"Too few sessions ended for the run to prove anything: {summary}.{cluster.Describe()}");

        // The admin API stays ready with the remaining silo once the cluster has declared the killed one dead.
        await cluster.WaitUntilReadyAsync(activeSilos: 1, RecoveryTimeout);
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: the admin API is ready with the remaining silo");

        // Every session as its grain holds it, read through the admin API.
        var statuses = new ConcurrentDictionary<string, string?>();
        var ids = Enumerable.Range(1, summary.Requested).Select(i => $"e2e-{i:D6}");
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (id, _) => statuses[id] = await cluster.Admin.SessionStatusAsync(id));
        var completed = statuses.Count(s => s.Value == "Completed");
        var abandoned = statuses.Count(s => s.Value == "Abandoned");
        int lost;
        if (summary.EveryFailureNamed)
        {
            // Every session the simulator did not report failed, it reported completed or abandoned: the cluster
            // must hold exactly those outcomes (a completed session cannot turn into an abandoned one, or back).
            var reported = statuses.Where(s => !summary.NamedFailures.Contains(s.Key)).ToList();
            var reportedCompleted = reported.Count(s => s.Value == "Completed");
            var reportedAbandoned = reported.Count(s => s.Value == "Abandoned");
            lost = summary.Completed - reportedCompleted + (summary.Abandoned - reportedAbandoned);
            var notEnded = reported.Where(s => s.Value is not ("Completed" or "Abandoned")).Select(s => $"{s.Key}={s.Value ?? "missing"}").ToList();
            Assert.True(lost == 0 && notEnded.Count == 0 && reportedCompleted == summary.Completed && reportedAbandoned == summary.Abandoned,
                $"The simulator reported {summary.Completed} completed and {summary.Abandoned} abandoned; the cluster holds {reportedCompleted} and {reportedAbandoned} of them; not ended: {string.Join(", ", notEnded)}.{cluster.Describe()}");
        }
        else
        {
            // More failures than the output names: compare totals (the simulator never ends a session it gave up on).
            lost = Math.Max(0, summary.Completed - completed) + Math.Max(0, summary.Abandoned - abandoned);
            Assert.True(lost == 0, $"The simulator reported {summary.Completed} completed and {summary.Abandoned} abandoned; the cluster holds {completed} and {abandoned}.{cluster.Describe()}");
        }

        // The listing is fed by change events: it catching up proves no event was lost with the killed silo either.
        var last = (Completed: 0L, Abandoned: 0L);
        try
        {
            await Eventually.TrueAsync(async () =>
            {
                last = (await cluster.Admin.SessionCountAsync("completed"), await cluster.Admin.SessionCountAsync("abandoned"));
                return last.Completed == completed && last.Abandoned == abandoned;
            }, "the session listing shows every ended session", RecoveryTimeout);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"The session listing shows {last.Completed} completed and {last.Abandoned} abandoned; the grains hold {completed} and {abandoned}.{cluster.Describe()}");
        }

        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: the session listing shows every ended session");
        var (ready, activeSilos, _) = await cluster.Admin.ReadinessAsync();
        Assert.True(ready && activeSilos == 1, $"The admin API is no longer ready with the remaining silo.{cluster.Describe()}");
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: sessions {summary.Requested}: {completed} completed, {abandoned} abandoned, {summary.Failed} failed in the simulator; killed at {atKill.Finished} finished; lost {lost}.");
        cluster.KeepLogs = false;
    }
}
