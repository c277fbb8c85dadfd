namespace ClarityConnect.Abstractions.Exports;

/// <summary>Where a post-call export stands.</summary>
public enum ExportState
{
    /// <summary>Waiting for its first or next attempt.</summary>
    Pending,
    /// <summary>Everything the toggles ask for arrived at the target.</summary>
    Done,
    /// <summary>Gave up after repeated failures; kept with its reason until an administrator retries it.</summary>
    Failed,
}
