namespace ClarityConnect.Simulator.Sessions;

/// <summary>How a simulated session ended.</summary>
public enum SessionOutcome
{
    /// <summary>It reached <c>Completed</c>.</summary>
    Completed,
    /// <summary>It reached <c>Abandoned</c>.</summary>
    Abandoned,
    /// <summary>A call failed and the session could not be brought to its end.</summary>
    Failed,
    /// <summary>The run was stopped (second Ctrl-C) while the session was running.</summary>
    Interrupted,
}
