namespace ClarityConnect.Abstractions.Sessions;

/// <summary>Where a session is in its life: <c>New → Queued → Ringing → Active ⇄ Held → WrapUp → Completed</c>, or <c>Abandoned</c> before <c>Active</c>.</summary>
public enum SessionStatus
{
    /// <summary>Created by the platform; the call flow is running, no queue yet.</summary>
    New,
    /// <summary>Waiting in a queue for an agent.</summary>
    Queued,
    /// <summary>Offered to an agent whose console is ringing.</summary>
    Ringing,
    /// <summary>The agent accepted; the customer and agent are connected.</summary>
    Active,
    /// <summary>The agent put the customer on hold.</summary>
    Held,
    /// <summary>The conversation ended; the agent is wrapping up (disposition, notes).</summary>
    WrapUp,
    /// <summary>Finished after wrap-up. Terminal.</summary>
    Completed,
    /// <summary>The customer left before an agent answered. Terminal.</summary>
    Abandoned,
}
