using ClarityConnect.Abstractions.Agents;

namespace ClarityConnect.Grains.Agents;

/// <summary>The agent life cycle as data: which status may follow which, and which the agent may choose.</summary>
public static class AgentLifecycle
{
    private static readonly Dictionary<AgentStatus, AgentStatus[]> Allowed = new()
    {
        [AgentStatus.LoggedOut] = [AgentStatus.Available, AgentStatus.Away],
        [AgentStatus.Available] = [AgentStatus.Ringing, AgentStatus.Away, AgentStatus.LoggedOut],
        [AgentStatus.Away] = [AgentStatus.Available, AgentStatus.LoggedOut],
        [AgentStatus.Ringing] = [AgentStatus.Busy, AgentStatus.Available, AgentStatus.Away],
        [AgentStatus.Busy] = [AgentStatus.WrapUp],
        [AgentStatus.WrapUp] = [AgentStatus.Available],
    };

    /// <summary>The statuses an agent sets by choice; the others follow the session.</summary>
    public static IReadOnlyList<AgentStatus> Chosen { get; } = [AgentStatus.Available, AgentStatus.Away, AgentStatus.LoggedOut];

    /// <summary>Whether an agent may move from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static bool CanMove(AgentStatus from, AgentStatus to) => Allowed[from].Contains(to);

    /// <summary>The statuses that may follow <paramref name="from"/>.</summary>
    public static IReadOnlyList<AgentStatus> Next(AgentStatus from) => Allowed[from];

    /// <summary>Whether the agent is engaged with a session (ringing, busy or wrapping up).</summary>
    public static bool IsOnSession(AgentStatus status) => status is AgentStatus.Ringing or AgentStatus.Busy or AgentStatus.WrapUp;
}
