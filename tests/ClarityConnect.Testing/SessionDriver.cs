using ClarityConnect.Abstractions.Agents;
using ClarityConnect.Abstractions.Exports;
using ClarityConnect.Abstractions.Sessions;
using ClarityConnect.TestDoubles;

namespace ClarityConnect.Testing;

/// <summary>
/// Drives sessions the way the telephony platform does: starts a call, queues it, offers it to a fresh available agent
/// who accepts, ends it and wraps it up. The one place tests script a session's life; <see cref="ResilientCall"/> is
/// the same life made to survive dying silos.
/// </summary>
public sealed class SessionDriver(IGrainFactory grains)
{
    /// <summary>A voice call with every caller detail the platform sends.</summary>
    public static SessionStart VoiceCall => new()
    {
        Channel = SessionChannel.Voice,
        CallerPhoneNumber = "+1 (415) 555-0100",
        SipAddress = "sip:alice@example.com",
        CallerIdName = "Alice Example",
        DialedNumber = "tel:+18005550199",
        ExtraItems = new Dictionary<string, string> { ["AccountNumber"] = "A-1001" },
    };

    /// <summary>A new session of <see cref="VoiceCall"/> on <paramref name="channel"/>, brought to <paramref name="status"/>; returns it and its agent's id.</summary>
    public async Task<(ISessionGrain Session, string AgentId)> NewAsync(SessionStatus status, SessionChannel channel = SessionChannel.Voice)
    {
        var session = grains.GetGrain<ISessionGrain>("s-" + Guid.NewGuid().ToString("n"));
        var agentId = "a-" + Guid.NewGuid().ToString("n");
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

        await AvailableAgentAsync(agentId);
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

    /// <summary>
    /// Queues a started <paramref name="session"/> in <paramref name="queue"/> and has an available agent accept it (the
    /// session is then active); returns the agent's id. The agent is <paramref name="agentId"/> when the test follows
    /// that agent (its console, its events), a new one otherwise.
    /// </summary>
    public async Task<string> AnswerAsync(ISessionGrain session, string queue = "Support", string? agentId = null)
    {
        agentId ??= "agent-" + Guid.NewGuid().ToString("n");
        await AvailableAgentAsync(agentId);
        await session.EnqueueAsync(queue);
        await session.OfferAsync(agentId);
        await session.AcceptAsync();
        return agentId;
    }

    /// <summary>Answers a started <paramref name="session"/> (<see cref="AnswerAsync"/>) and ends the call (the session is then in wrap-up).</summary>
    public async Task AnswerAndEndAsync(ISessionGrain session)
    {
        await AnswerAsync(session);
        await session.EndAsync();
    }

    /// <summary>
    /// Records one piece per location of <paramref name="locations"/> on an answered <paramref name="session"/>, in turn:
    /// each piece is stopped before the next starts, and the last is left running, as a call that ends while being
    /// recorded leaves it (the end stops it).
    /// </summary>
    public static async Task RecordAsync(ISessionGrain session, params string[] locations)
    {
        for (var piece = 0; piece < locations.Length; piece++)
        {
            if (piece > 0)
            {
                await session.StopRecordingAsync();
            }

            await session.StartRecordingAsync(locations[piece]);
        }
    }

    /// <summary>Waits until the export of session <paramref name="sessionId"/> to <paramref name="integration"/> is in <paramref name="state"/>; returns its status then.</summary>
    public async Task<ExportStatus> WaitForExportAsync(string integration, string sessionId, ExportState state, TimeSpan? limit = null)
    {
        var export = grains.GetGrain<IExportGrain>($"{integration}/{sessionId}");
        ExportStatus status = null!;
        await Eventually.TrueAsync(async () => (status = await export.GetStatusAsync()).State == state,
            $"the {integration} export of {sessionId} is {state}", limit ?? TimeSpan.FromSeconds(60));
        return status;
    }

    private Task AvailableAgentAsync(string agentId) => grains.GetGrain<IAgentGrain>(agentId).SetStatusAsync(AgentStatus.Available);
}
