using System.Globalization;

namespace ClarityConnect.Simulator.Reporting;

/// <summary>The figures of a finished run, and the exit code they mean.</summary>
public sealed record SimulationSummary
{
    /// <summary>The run id.</summary>
    public required string RunId { get; init; }
    /// <summary>The seed (repeat the run with <c>--seed</c>).</summary>
    public required int Seed { get; init; }
    /// <summary>Where the cluster was.</summary>
    public required string Target { get; init; }
    /// <summary>Sessions asked for.</summary>
    public int Requested { get; init; }
    /// <summary>Sessions the cluster accepted.</summary>
    public int Started { get; init; }
    /// <summary>Sessions completed.</summary>
    public int Completed { get; init; }
    /// <summary>Sessions abandoned.</summary>
    public int Abandoned { get; init; }
    /// <summary>Sessions failed.</summary>
    public int Failed { get; init; }
    /// <summary>Sessions stopped by the user while running.</summary>
    public int Interrupted { get; init; }
    /// <summary>Sessions never begun because the run was stopped.</summary>
    public int NotRun => Requested - Completed - Abandoned - Failed - Interrupted;
    /// <summary>Voice sessions started.</summary>
    public int Voice { get; init; }
    /// <summary>Chat sessions started.</summary>
    public int Chat { get; init; }
    /// <summary>Recording pieces started.</summary>
    public int RecordingPieces { get; init; }
    /// <summary>Chat messages added.</summary>
    public int TranscriptMessages { get; init; }
    /// <summary>Holds.</summary>
    public int Holds { get; init; }
    /// <summary>Offers missed by agents.</summary>
    public int MissedOffers { get; init; }
    /// <summary>Agents simulated.</summary>
    public int Agents { get; init; }
    /// <summary>Agents that logged in.</summary>
    public int AgentsLoggedIn { get; init; }
    /// <summary>Agents that logged out at the end.</summary>
    public int AgentsLoggedOut { get; init; }
    /// <summary>Agents taken out of service after a failure.</summary>
    public int AgentsOutOfService { get; init; }
    /// <summary>Agents still on a session the user interrupted (not logged out).</summary>
    public int AgentsLeftOnSessions { get; init; }
    /// <summary>Times agents went Away (breaks and missed offers).</summary>
    public int AgentTimesAway { get; init; }
    /// <summary>Fewest sessions one agent completed.</summary>
    public int SessionsPerAgentMin { get; init; }
    /// <summary>Most sessions one agent completed.</summary>
    public int SessionsPerAgentMax { get; init; }
    /// <summary>Time from the first session to the last one's end.</summary>
    public TimeSpan Elapsed { get; init; }
    /// <summary>Failed calls the simulator tried to recover from.</summary>
    public int CallErrors { get; init; }
    /// <summary>The first reasons sessions failed.</summary>
    public IReadOnlyList<string> FirstFailures { get; init; } = [];
    /// <summary>The first agent problems.</summary>
    public IReadOnlyList<string> FirstAgentProblems { get; init; } = [];
    /// <summary>Latency per grain operation.</summary>
    public IReadOnlyList<OperationLatency> Operations { get; init; } = [];
    /// <summary>How long sessions waited for a free agent, if any did.</summary>
    public OperationLatency? AgentWait { get; init; }
    /// <summary>Why the run could not run sessions at all, if so.</summary>
    public string? FatalError { get; init; }
    /// <summary>True when the user stopped the run.</summary>
    public bool StoppedEarly { get; init; }

    /// <summary>Sessions that ended (any outcome) per second.</summary>
    public double SessionsPerSecond => Elapsed.TotalSeconds > 0 ? (Completed + Abandoned + Failed) / Elapsed.TotalSeconds : 0;

    /// <summary>0 when no session failed and the run could run; 1 otherwise.</summary>
    public int ExitCode => Failed > 0 || FatalError is not null ? 1 : 0;

    /// <summary>Writes the summary for a person.</summary>
    public void WriteTo(TextWriter writer)
    {
        var c = CultureInfo.InvariantCulture;
        writer.WriteLine();
        writer.WriteLine(string.Create(c, $"Summary of run {RunId} (seed {Seed}) against {Target}{(StoppedEarly ? " - stopped early" : "")}"));
        if (FatalError is not null)
        {
            writer.WriteLine("  Could not run: " + FatalError);
        }

        var stopped = (Interrupted > 0 ? string.Create(c, $", {Interrupted} interrupted") : "") + (NotRun > 0 ? string.Create(c, $", {NotRun} not run") : "");
        writer.WriteLine(string.Create(c, $"  Sessions     {Requested} requested, {Started} started: {Completed} completed, {Abandoned} abandoned, {Failed} failed{stopped}"));
        writer.WriteLine(string.Create(c, $"  Channels     {Voice} voice, {Chat} chat"));
        writer.WriteLine(string.Create(c, $"  Activity     {RecordingPieces} recording pieces, {TranscriptMessages} transcript messages, {Holds} holds, {MissedOffers} missed offers"));
        writer.WriteLine(string.Create(c, $"  Agents       {Agents}: {AgentsLoggedIn} logged in, {AgentsLoggedOut} logged out at the end, {AgentsOutOfService} out of service{(AgentsLeftOnSessions > 0 ? $", {AgentsLeftOnSessions} left on interrupted sessions" : "")}; {SessionsPerAgentMin}-{SessionsPerAgentMax} sessions each, {AgentTimesAway} times away"));
        writer.WriteLine(string.Create(c, $"  Time         {Elapsed.TotalSeconds:0.00} s, {SessionsPerSecond:0.0} sessions/s"));
        writer.WriteLine(string.Create(c, $"  Call errors  {CallErrors} (each followed by re-reading the session)"));
        WriteList(writer, "  First failures:", FirstFailures);
        WriteList(writer, "  First agent problems:", FirstAgentProblems);

        if (Operations.Count > 0)
        {
            writer.WriteLine();
            writer.WriteLine("  Latency (ms)           calls  errors      p50      p95      p99      max");
            foreach (var op in Operations)
            {
                WriteLatency(writer, op);
            }

            if (AgentWait is not null)
            {
                writer.WriteLine("  Waiting for a free agent (not a grain call):");
                WriteLatency(writer, AgentWait);
            }
        }

        writer.WriteLine();
        writer.WriteLine(ExitCode == 0 ? "Result: OK (no session failed)" : $"Result: FAILED ({(FatalError is not null ? "the run could not start" : $"{Failed} sessions failed")})");
    }

    private static void WriteList(TextWriter writer, string title, IReadOnlyList<string> lines)
    {
        if (lines.Count == 0)
        {
            return;
        }

        writer.WriteLine(title);
        foreach (var line in lines)
        {
            writer.WriteLine("    - " + line);
        }
    }

    private static void WriteLatency(TextWriter writer, OperationLatency op) =>
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {op.Operation,-22} {op.Calls,5} {op.Errors,7} {op.P50,8:0.00} {op.P95,8:0.00} {op.P99,8:0.00} {op.Max,8:0.00}"));
}
