using ClarityConnect.Abstractions.Agents;
using ClarityConnect.Abstractions.Sessions;

namespace ClarityConnect.Testing;

/// <summary>What the telephony platform does between a call-flow lookup and wrap-up: queue the session, offer it to a fresh
/// available agent, who accepts, then end the call.</summary>
public static class AnsweredCall
{
    /// <summary>Queues <paramref name="session"/> in Support, has a new agent accept it and ends it (the session is then in wrap-up).</summary>
    public static async Task AnswerAndEndAsync(IGrainFactory grains, ISessionGrain session)
    {
        await AnswerAsync(grains, session);
        await session.EndAsync();
    }

    /// <summary>Queues <paramref name="session"/> in <paramref name="queue"/> and has a new agent accept it (the session is then active); returns the agent's id.</summary>
    public static async Task<string> AnswerAsync(IGrainFactory grains, ISessionGrain session, string queue = "Support")
    {
        var agent = "agent-" + Guid.NewGuid().ToString("n");
        await grains.GetGrain<IAgentGrain>(agent).SetStatusAsync(AgentStatus.Available);
        await session.EnqueueAsync(queue);
        await session.OfferAsync(agent);
        await session.AcceptAsync();
        return agent;
    }
}
