using ClarityConnect.Simulator.Terminal;

namespace ClarityConnect.Simulator.Reporting;

/// <summary>
/// Reports failed calls, failed sessions and agent problems as they happen (the first few in full, then only
/// counted so a dead cluster does not flood the screen) and keeps the first messages for the summary. Thread-safe.
/// </summary>
public sealed class ErrorLog(ConsoleOutput console, int printLimit = 20, int keepLimit = 8)
{
    private readonly Lock _gate = new();
    private readonly List<string> _failures = [];
    private readonly List<string> _agentProblems = [];
    private int _printed;
    private int _callErrors;

    /// <summary>Failed calls that the simulator tried to recover from.</summary>
    public int CallErrors => Volatile.Read(ref _callErrors);

    /// <summary>The first reasons sessions failed.</summary>
    public IReadOnlyList<string> FirstFailures
    {
        get
        {
            lock (_gate)
            {
                return [.. _failures];
            }
        }
    }

    /// <summary>The first agent problems.</summary>
    public IReadOnlyList<string> FirstAgentProblems
    {
        get
        {
            lock (_gate)
            {
                return [.. _agentProblems];
            }
        }
    }

    /// <summary>A call for <paramref name="sessionId"/> failed; the session re-reads its state and tries to go on.</summary>
    public void CallFailed(string sessionId, Exception error)
    {
        Interlocked.Increment(ref _callErrors);
        Print($"! session {sessionId}: {error.Message}; re-reading the session");
    }

    /// <summary><paramref name="sessionId"/> could not be finished.</summary>
    public void SessionFailed(string sessionId, string reason)
    {
        var line = $"session {sessionId}: {reason}";
        lock (_gate)
        {
            if (_failures.Count < keepLimit)
            {
                _failures.Add(line);
            }
        }

        Print("x " + line);
    }

    /// <summary>Something went wrong with <paramref name="agentId"/>.</summary>
    public void AgentProblem(string agentId, string problem)
    {
        var line = $"agent {agentId}: {problem}";
        lock (_gate)
        {
            if (_agentProblems.Count < keepLimit)
            {
                _agentProblems.Add(line);
            }
        }

        Print("! " + line);
    }

    private void Print(string line)
    {
        var printed = Interlocked.Increment(ref _printed);
        if (printed <= printLimit)
        {
            console.WriteLine(line);
        }
        else if (printed == printLimit + 1)
        {
            console.WriteLine($"(more than {printLimit} problems: the rest are only counted; see the summary)");
        }
    }
}
