using ClarityConnect.Abstractions.Sessions;

namespace ClarityConnect.Simulator.Sessions;

/// <summary>Everything one simulated session will do, decided up front from the run's seed so a run can be repeated.</summary>
public sealed record SessionPlan
{
    /// <summary>The session id (<c>{runId}-NNNNNN</c>).</summary>
    public required string SessionId { get; init; }

    /// <summary>The seed of the session's think times.</summary>
    public int Seed { get; init; }

    /// <summary>What the platform knows when the session arrives (channel and caller data).</summary>
    public required SessionStart Start { get; init; }

    /// <summary>The queue the session waits in.</summary>
    public required string Queue { get; init; }

    /// <summary>Whether and where the customer hangs up.</summary>
    public AbandonPoint Abandon { get; init; }

    /// <summary>How many offers agents miss before one accepts (or the customer abandons).</summary>
    public int MissedOffers { get; init; }

    /// <summary>The steps between Accept and End.</summary>
    public IReadOnlyList<ConversationStep> Conversation { get; init; } = [];

    /// <summary>The disposition the agent picks in wrap-up.</summary>
    public required WrapUpDetails WrapUp { get; init; }

    /// <summary>The final details passed to <c>CompleteAsync</c> (disposition, sub-disposition, notes).</summary>
    public required WrapUpDetails Completion { get; init; }

    /// <summary>Whether the agent takes a short break after this session.</summary>
    public bool AgentBreakAfter { get; init; }

    /// <summary>Voice or chat.</summary>
    public SessionChannel Channel => Start.Channel;
}
