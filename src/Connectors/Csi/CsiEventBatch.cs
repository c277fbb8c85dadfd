namespace ClarityConnect.Connectors.Csi;

/// <summary>The body of one change-event request to CSI.</summary>
public sealed record CsiEventBatch
{
    /// <summary>The format and its version.</summary>
    public string Format { get; init; } = CsiEventClient.Format;
    /// <summary>When the batch was sent.</summary>
    public DateTimeOffset SentAt { get; init; }
    /// <summary>The events, in order per entity.</summary>
    public required IReadOnlyList<CsiEvent> Events { get; init; }
}
