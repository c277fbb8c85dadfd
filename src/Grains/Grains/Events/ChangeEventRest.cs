using ClarityConnect.Abstractions.Events;
using ClarityConnect.Grains.Agents;
using ClarityConnect.Grains.Sessions;

namespace ClarityConnect.Grains.Events;

/// <summary>
/// Which change events leave their entity at rest, with no further event due soon: a session that ended (Completed or
/// Abandoned), an agent back off a session (Available, Away, logged out). A consumer acknowledges such an event at once
/// instead of waiting for its acknowledgement timer: the wait only pays off while more events are coming to share the call.
/// </summary>
public static class ChangeEventRest
{
    /// <summary>True when <paramref name="change"/> leaves its entity at rest.</summary>
    public static bool ComesToRest(ChangeEvent change) => change switch
    {
        SessionChanged session => SessionLifecycle.IsTerminal(session.NewStatus),
        AgentChanged agent => !AgentLifecycle.IsOnSession(agent.NewStatus),
        _ => false,
    };
}
