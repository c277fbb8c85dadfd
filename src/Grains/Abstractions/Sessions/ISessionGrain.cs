using ClarityConnect.Abstractions.Nodes;

namespace ClarityConnect.Abstractions.Sessions;

/// <summary>
/// One voice call or chat (key = session id), driven by the telephony platform. Every operation that changes the
/// status is durable when it returns, together with the <see cref="Events.SessionChanged"/> event it produced.
/// An illegal operation throws <see cref="InvalidTransitionException"/> or <see cref="InvalidRequestException"/> and changes nothing.
/// </summary>
public interface ISessionGrain : IGrainWithStringKey
{
    /// <summary>Creates the session in <see cref="SessionStatus.New"/>. Calling it again with the same data is a no-op.</summary>
    Task<SessionSnapshot> StartAsync(SessionStart start);

    /// <summary><c>New → Queued</c>, or <c>Ringing → Queued</c> when an offer is withdrawn. The queue name is required.</summary>
    Task EnqueueAsync(string queue);

    /// <summary><c>Queued → Ringing</c>: offers the session to an agent, who must be <c>Available</c>; the agent gets the caller context.</summary>
    Task OfferAsync(string agentId);

    /// <summary><c>Ringing → Queued</c>: the offered agent did not answer or declined; the agent goes to <paramref name="agentStatusAfter"/> (Available or Away).</summary>
    Task RequeueAsync(string reason, Agents.AgentStatus agentStatusAfter = Agents.AgentStatus.Available);

    /// <summary><c>Ringing → Active</c>: the offered agent accepted; screen pops and the record link IM reach the agent.</summary>
    Task AcceptAsync();

    /// <summary><c>Active → Held</c>.</summary>
    Task HoldAsync();

    /// <summary><c>Held → Active</c>.</summary>
    Task ResumeAsync();

    /// <summary>Starts a recording piece (voice, while Active or Held) whose audio is written to <paramref name="location"/>.</summary>
    Task StartRecordingAsync(string location);

    /// <summary>Stops the recording piece in progress (the agent's stop button).</summary>
    Task StopRecordingAsync();

    /// <summary>Appends a message to a chat session's transcript.</summary>
    Task AddTranscriptMessageAsync(TranscriptMessage message);

    /// <summary>Sets call variables. <c>SYSTEM.*</c> names are refused; an empty value removes the item.</summary>
    Task SetExtraItemsAsync(IReadOnlyDictionary<string, string> items);

    /// <summary>Sets disposition, sub-disposition and notes (Active, Held or WrapUp).</summary>
    Task SetWrapUpDetailsAsync(WrapUpDetails details);

    /// <summary><c>Active/Held → WrapUp</c>: the conversation ended; an open recording piece is closed; the agent goes to WrapUp.</summary>
    Task EndAsync();

    /// <summary><c>WrapUp → Completed</c>, with the final disposition; the agent becomes Available.</summary>
    Task CompleteAsync(WrapUpDetails? details = null);

    /// <summary><c>New/Queued/Ringing → Abandoned</c>: the customer left before an agent answered.</summary>
    Task AbandonAsync(string reason);

    /// <summary>Runs an integration node (Customer Lookup or Advanced Lookup), sets extra items and caller context from its result, and returns the exit taken.</summary>
    Task<NodeOutcome> RunNodeAsync(IntegrationNode node);

    /// <summary>Everything known about the session.</summary>
    Task<SessionSnapshot> GetAsync();
}
