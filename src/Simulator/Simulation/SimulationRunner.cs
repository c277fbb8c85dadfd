using System.Globalization;
using ClarityConnect.Abstractions.Sessions;
using ClarityConnect.Simulator.Agents;
using ClarityConnect.Simulator.Calls;
using ClarityConnect.Simulator.Cluster;
using ClarityConnect.Simulator.Options;
using ClarityConnect.Simulator.Reporting;
using ClarityConnect.Simulator.Sessions;
using ClarityConnect.Simulator.Terminal;
using Orleans;

namespace ClarityConnect.Simulator.Simulation;

/// <summary>
/// Runs a whole simulation: logs the agents in, runs the sessions a few at a time while showing progress, logs the
/// agents out, and returns the summary. Ctrl-C stops starting sessions; a second one interrupts the running ones.
/// </summary>
public sealed class SimulationRunner(IClusterClient client, SimulatorOptions options, ClusterTarget target, ConsoleOutput console, ShutdownSignal signal)
{
    private readonly string _runId = options.RunId ?? throw new ArgumentException("The run id is not set.", nameof(options));
    private readonly int _seed = options.Seed ?? throw new ArgumentException("The seed is not set.", nameof(options));
    private readonly LatencyRecorder _latencies = new();
    private readonly LatencyRecorder _agentWaits = new();
    private readonly SimulationCounters _counters = new();
    private readonly ErrorLog _errors = new(console);

    /// <summary>Runs the simulation; never throws for a cluster problem, which ends up in the summary instead.</summary>
    public async Task<SimulationSummary> RunAsync()
    {
        var caller = new GrainCaller(_latencies, TimeSpan.FromMilliseconds(options.CallTimeoutMs));
        var recovery = new RecoveryPolicy(TimeSpan.FromMilliseconds(options.RecoveryMs));
        var think = new ThinkTime(TimeSpan.FromMilliseconds(options.ThinkMs));
        var agents = new AgentPool(client, _runId, options.Agents, _seed, think.Typical * 10, caller, recovery, _errors, signal.Aborting);
        var services = new SessionScriptServices(agents, caller, recovery, _errors, think, _agentWaits);

        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Run {_runId} (seed {_seed}): {options.Sessions} sessions, {options.Concurrency} at a time, {options.Agents} agents, " +
            $"{options.ChatShare:0.##} chat, {options.AbandonShare:0.##} abandoned, think {options.ThinkMs} ms; {target.Description}"));

        string? fatal = null;
        try
        {
            if (await agents.LogInAllAsync(signal.Aborting) == 0)
            {
                fatal = "no agent could log in (see the agent problems above)";
            }
        }
        catch (OperationCanceledException)
        {
            fatal = "stopped while the agents were logging in";
        }

        _counters.StartClock();
        if (fatal is null)
        {
            var reporter = new ProgressReporter(_counters, agents, options.Sessions, console);
            reporter.Start();
            await RunSessionsAsync(new SessionPlanner(options), services);
            await reporter.StopAsync();
        }

        _counters.StopClock();

        // Logging out is the end of the run even after Ctrl-C; each call is bounded by the call timeout.
        var loggedOut = await agents.LogOutAllAsync(CancellationToken.None);
        return Summarize(agents, loggedOut, fatal);
    }

    private async Task RunSessionsAsync(SessionPlanner planner, SessionScriptServices services)
    {
        using var slots = new SemaphoreSlim(options.Concurrency);
        var running = new List<Task>(options.Sessions);
        for (var i = 0; i < options.Sessions; i++)
        {
            try
            {
                await slots.WaitAsync(signal.Draining);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            _counters.SessionDispatched();
            running.Add(RunSessionAsync(planner.Plan(i), services, slots));
        }

        await Task.WhenAll(running);
    }

    private async Task RunSessionAsync(SessionPlan plan, SessionScriptServices services, SemaphoreSlim slots)
    {
        try
        {
            await Task.Yield();
            var script = new SessionScript(plan, client.GetGrain<ISessionGrain>(plan.SessionId), services);
            _counters.SessionFinished(await script.RunAsync(signal.Aborting));
        }
        catch (Exception ex)
        {
            // A bug in the simulator itself: count it as a failed session rather than losing the run.
            _errors.SessionFailed(plan.SessionId, "simulator error: " + ex);
            _counters.SessionFinished(new SessionResult(SessionOutcome.Failed, false, plan.Channel, 0, 0, 0, 0));
        }
        finally
        {
            slots.Release();
        }
    }

    private SimulationSummary Summarize(AgentPool agents, int loggedOut, string? fatal)
    {
        var waits = _agentWaits.Summarize([SessionScript.WaitForAgent]);
        return new SimulationSummary
        {
            RunId = _runId,
            Seed = _seed,
            Target = target.Description,
            Requested = options.Sessions,
            Started = _counters.Started,
            Completed = _counters.Completed,
            Abandoned = _counters.Abandoned,
            Failed = _counters.Failed,
            Interrupted = _counters.Interrupted,
            Voice = _counters.Voice,
            Chat = _counters.Chat,
            RecordingPieces = _counters.RecordingPieces,
            TranscriptMessages = _counters.TranscriptMessages,
            Holds = _counters.Holds,
            MissedOffers = _counters.MissedOffers,
            Agents = agents.Agents.Count,
            AgentsLoggedIn = agents.LoggedIn,
            AgentsLoggedOut = loggedOut,
            AgentsOutOfService = agents.Agents.Count(a => a.OutOfService),
            AgentsLeftOnSessions = agents.Agents.Count(a => a.LeftOnSession),
            AgentTimesAway = agents.Agents.Sum(a => a.TimesAway),
            SessionsPerAgentMin = agents.Agents.Min(a => a.SessionsHandled),
            SessionsPerAgentMax = agents.Agents.Max(a => a.SessionsHandled),
            Elapsed = _counters.Elapsed,
            CallErrors = _errors.CallErrors,
            FirstFailures = _errors.FirstFailures,
            FirstAgentProblems = _errors.FirstAgentProblems,
            Operations = _latencies.Summarize(GrainOperation.All),
            AgentWait = waits.Count > 0 ? waits[0] : null,
            FatalError = fatal,
            StoppedEarly = signal.StopRequested,
        };
    }
}
