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
        var agent = "agent-" + Guid.NewGuid().ToString("n");
        await grains.GetGrain<IAgentGrain>(agent).SetStatusAsync(AgentStatus.Available);
        await session.EnqueueAsync("Support");
        await session.OfferAsync(agent);
        await session.AcceptAsync();
        await session.EndAsync();
    }
}
