using ClarityConnect.Abstractions.Agents;

namespace ClarityConnect.Simulator.Agents;

/// <summary>One simulated agent: its id, its grain, and what it did.</summary>
public sealed class SimulatedAgent(string id, IAgentGrain grain)
{
    private int _sessions;
    private int _breaks;

    /// <summary>The agent id.</summary>
    public string Id { get; } = id;

    /// <summary>The agent's grain.</summary>
    public IAgentGrain Grain { get; } = grain;

    /// <summary>Sessions the agent completed.</summary>
    public int SessionsHandled => Volatile.Read(ref _sessions);

    /// <summary>Breaks and missed offers that sent the agent Away.</summary>
    public int TimesAway => Volatile.Read(ref _breaks);

    /// <summary>True once the agent could not be brought back to a usable status.</summary>
    public bool OutOfService { get; internal set; }

    /// <summary>True when the run was stopped while the agent was on a session, which it then still is.</summary>
    public bool LeftOnSession { get; internal set; }

    /// <summary>Counts a completed session.</summary>
    public void CountSession() => Interlocked.Increment(ref _sessions);

    /// <summary>Counts a time Away.</summary>
    public void CountAway() => Interlocked.Increment(ref _breaks);
}
