namespace ClarityConnect.Abstractions.Agents;

/// <summary>
/// An agent (key = agent id). Status changes are validated against the agent life cycle, durable when the call
/// returns, and produce <see cref="Events.AgentChanged"/> events. Session-driven changes (offer, accept, wrap-up)
/// normally arrive through <see cref="Sessions.ISessionGrain"/>; the platform sets the others with <see cref="SetStatusAsync"/>.
/// </summary>
public interface IAgentGrain : IGrainWithStringKey
{
    /// <summary>How long a console subscription lives without renewal.</summary>
    public static readonly TimeSpan SubscriptionLifetime = TimeSpan.FromMinutes(5);

    /// <summary>Sets a status the agent chooses: <c>Available</c>, <c>Away</c> or <c>LoggedOut</c>. Not allowed while a session is ringing, active or in wrap-up.</summary>
    Task SetStatusAsync(AgentStatus status, string? reason = null);

    /// <summary><c>Available → Ringing</c> with the offered session and its caller context.</summary>
    Task OfferAsync(SessionOffer offer);

    /// <summary><c>Ringing → Available/Away</c>: the offer of <paramref name="sessionId"/> was withdrawn, missed or declined.</summary>
    Task WithdrawOfferAsync(string sessionId, AgentStatus statusAfter, string reason);

    /// <summary><c>Ringing → Busy</c>: the agent accepted <paramref name="sessionId"/>; auto-open records are screen-popped and the record link is sent as an IM.</summary>
    Task AcceptAsync(string sessionId);

    /// <summary><c>Busy → WrapUp</c> when the conversation of <paramref name="sessionId"/> ended.</summary>
    Task StartWrapUpAsync(string sessionId);

    /// <summary><c>WrapUp → Available</c> when <paramref name="sessionId"/> is completed.</summary>
    Task FinishWrapUpAsync(string sessionId);

    /// <summary>Updates the caller context of the current session (a lookup finished while the agent is ringing or busy); the console is told at once.</summary>
    Task UpdateCallerContextAsync(CallerContext context);

    /// <summary>Sends an instant message to the agent's console.</summary>
    Task SendInstantMessageAsync(InstantMessage message);

    /// <summary>Subscribes (or renews) a console observer; renew within <see cref="SubscriptionLifetime"/>.</summary>
    Task SubscribeAsync(IAgentConsoleObserver observer);

    /// <summary>Removes a console observer.</summary>
    Task UnsubscribeAsync(IAgentConsoleObserver observer);

    /// <summary>The agent's status, session and caller context.</summary>
    Task<AgentSnapshot> GetAsync();
}
