using ClarityConnect.Abstractions.Sessions;

namespace ClarityConnect.Grains.Sessions;

/// <summary>The session life cycle as data: which status may follow which.</summary>
public static class SessionLifecycle
{
    private static readonly Dictionary<SessionStatus, SessionStatus[]> Allowed = new()
    {
        [SessionStatus.New] = [SessionStatus.Queued, SessionStatus.Abandoned],
        [SessionStatus.Queued] = [SessionStatus.Ringing, SessionStatus.Abandoned],
        [SessionStatus.Ringing] = [SessionStatus.Active, SessionStatus.Queued, SessionStatus.Abandoned],
        [SessionStatus.Active] = [SessionStatus.Held, SessionStatus.WrapUp],
        [SessionStatus.Held] = [SessionStatus.Active, SessionStatus.WrapUp],
        [SessionStatus.WrapUp] = [SessionStatus.Completed],
        [SessionStatus.Completed] = [],
        [SessionStatus.Abandoned] = [],
    };

    /// <summary>Whether a session may move from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static bool CanMove(SessionStatus from, SessionStatus to) => Allowed[from].Contains(to);

    /// <summary>Whether no status may follow <paramref name="status"/>.</summary>
    public static bool IsTerminal(SessionStatus status) => Allowed[status].Length == 0;

    /// <summary>The statuses that may follow <paramref name="from"/>.</summary>
    public static IReadOnlyList<SessionStatus> Next(SessionStatus from) => Allowed[from];
}
