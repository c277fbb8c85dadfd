namespace ClarityConnect.Simulator.Sessions;

/// <summary>Where the customer of a simulated session hangs up, if they do.</summary>
public enum AbandonPoint
{
    /// <summary>The customer waits for an agent.</summary>
    None,
    /// <summary>The customer hangs up in the call flow, before reaching a queue (<c>New → Abandoned</c>).</summary>
    InCallFlow,
    /// <summary>The customer hangs up while queued (<c>Queued → Abandoned</c>), possibly after a missed offer.</summary>
    WhileQueued,
}
