using ClarityConnect.Abstractions.Agents;
using ClarityConnect.Abstractions.Sessions;

namespace ClarityConnect.Testing;

/// <summary>
/// Drives a full voice session as the telephony platform would while silos die: a call whose reply is lost may or may
/// not have happened, so after a failure the session is re-read before the call is tried again.
/// </summary>
public static class ResilientCall
{
    /// <summary>
    /// Start, queue, offer, accept, hold, resume, end and complete <paramref name="sessionId"/> with <paramref name="agentId"/>;
    /// <paramref name="whileActive"/>, if given, runs once the call is answered (before the hold), e.g. to kill a silo mid-call.
    /// </summary>
    public static async Task RunAsync(IGrainFactory grains, string sessionId, string agentId, Func<Task>? whileActive = null)
    {
        var session = grains.GetGrain<ISessionGrain>(sessionId);
        var agent = grains.GetGrain<IAgentGrain>(agentId);
        await StepAsync(() => agent.SetStatusAsync(AgentStatus.Available), async () => (await agent.GetAsync()).Status == AgentStatus.Available);
        await StepAsync(() => session.StartAsync(new SessionStart { Channel = SessionChannel.Voice, CallerPhoneNumber = "+1 415 555 0100" }), () => Reached(session, SessionStatus.New));
        await StepAsync(() => session.EnqueueAsync("Support"), () => Reached(session, SessionStatus.Queued));
        await StepAsync(() => session.OfferAsync(agentId), () => Reached(session, SessionStatus.Ringing));
        await StepAsync(() => session.AcceptAsync(), () => Reached(session, SessionStatus.Active));
        if (whileActive is not null)
        {
            await whileActive();
        }

        await StepAsync(() => session.HoldAsync(), () => Reached(session, SessionStatus.Held));
        await StepAsync(() => session.ResumeAsync(), () => Reached(session, SessionStatus.Active, afterHold: true));
        await StepAsync(() => session.EndAsync(), () => Reached(session, SessionStatus.WrapUp));
        await StepAsync(() => session.CompleteAsync(new WrapUpDetails { Disposition = "Resolved" }), () => Reached(session, SessionStatus.Completed));
    }

    private static async Task<bool> Reached(ISessionGrain session, SessionStatus status, bool afterHold = false)
    {
        var history = (await session.GetAsync()).History;
        return history.Any(h => h.To == status && (!afterHold || h.From == SessionStatus.Held));
    }

    private static async Task StepAsync(Func<Task> operation, Func<Task<bool>> done)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await operation();
                return;
            }
            catch (Exception failure) when (attempt < 20 && failure is not InvalidRequestException)
            {
                await Task.Delay(250 * Math.Min(attempt, 4));
                try
                {
                    if (await done())
                    {
                        return;
                    }
                }
                catch (Exception)
                {
                    // The cluster is still settling; try the operation again.
                }
            }
        }
    }
}
