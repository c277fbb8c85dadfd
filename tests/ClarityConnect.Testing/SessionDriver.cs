using ClarityConnect.Abstractions.Agents;
using ClarityConnect.Abstractions.Sessions;

namespace ClarityConnect.Grains.Tests;

/// <summary>Brings a new session (and its agent) to a given status the way the platform would.</summary>
public sealed class SessionDriver(IGrainFactory grains)
{
    public static SessionStart VoiceCall => new()
    {
        Channel = SessionChannel.Voice,
        CallerPhoneNumber = "+1 (415) 555-0100",
        SipAddress = "sip:alice@example.com",
        CallerIdName = "Alice Example",
        DialedNumber = "tel:+18005550199",
        ExtraItems = new Dictionary<string, string> { ["AccountNumber"] = "A-1001" },
    };

    public async Task<(ISessionGrain Session, string AgentId)> NewAsync(SessionStatus status, SessionChannel channel = SessionChannel.Voice)
    {
        var id = "s-" + Guid.NewGuid().ToString("n");
        var agentId = "a-" + Guid.NewGuid().ToString("n");
        var session = grains.GetGrain<ISessionGrain>(id);
        await session.StartAsync(VoiceCall with { Channel = channel });
        if (status == SessionStatus.New)
        {
            return (session, agentId);
        }

        await session.EnqueueAsync("Support");
        if (status == SessionStatus.Queued)
        {
            return (session, agentId);
        }

        if (status == SessionStatus.Abandoned)
        {
            await session.AbandonAsync("caller hung up");
            return (session, agentId);
        }

        await grains.GetGrain<IAgentGrain>(agentId).SetStatusAsync(AgentStatus.Available);
        await session.OfferAsync(agentId);
        if (status == SessionStatus.Ringing)
        {
            return (session, agentId);
        }

        await session.AcceptAsync();
        if (status == SessionStatus.Active)
        {
            return (session, agentId);
        }

        if (status == SessionStatus.Held)
        {
            await session.HoldAsync();
            return (session, agentId);
        }

        await session.EndAsync();
        if (status == SessionStatus.WrapUp)
        {
            return (session, agentId);
        }

        await session.CompleteAsync(new WrapUpDetails { Disposition = "Resolved" });
        return (session, agentId);
    }
}
