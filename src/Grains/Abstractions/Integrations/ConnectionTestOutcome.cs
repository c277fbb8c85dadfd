namespace ClarityConnect.Abstractions.Integrations;

/// <summary>How a connection test step ended.</summary>
public enum ConnectionTestOutcome
{
    /// <summary>The check succeeded.</summary>
    Passed,
    /// <summary>The check failed; the message says why.</summary>
    Failed,
    /// <summary>Not run: an earlier step failed, or the settings do not use this part.</summary>
    Skipped,
}
