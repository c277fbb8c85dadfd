namespace ClarityConnect.Abstractions.Exports;

/// <summary>A post-call export of one session to one target.</summary>
[GenerateSerializer, Immutable]
public sealed record ExportStatus
{
    /// <summary>The target integration (<c>salesforce</c>, <c>dynamics</c>).</summary>
    [Id(0)] public required string Target { get; init; }
    /// <summary>The session exported.</summary>
    [Id(1)] public required string SessionId { get; init; }
    /// <summary>The state.</summary>
    [Id(2)] public ExportState State { get; init; }
    /// <summary>How many attempts were made.</summary>
    [Id(3)] public int Attempts { get; init; }
    /// <summary>Why the last attempt failed.</summary>
    [Id(4)] public string? LastError { get; init; }
    /// <summary>What arrived, by item (e.g. <c>recording-1</c>, <c>transcript</c>, <c>note</c>), with the target's id for it.</summary>
    [Id(5)] public IReadOnlyDictionary<string, string> Delivered { get; init; } = new Dictionary<string, string>();
    /// <summary>The record exported to, as "ObjectType/Id".</summary>
    [Id(6)] public string? Record { get; init; }
    /// <summary>When the export was created.</summary>
    [Id(7)] public DateTimeOffset? CreatedAt { get; init; }
    /// <summary>When it last changed.</summary>
    [Id(8)] public DateTimeOffset? UpdatedAt { get; init; }
    /// <summary>When the next attempt is due, while pending.</summary>
    [Id(9)] public DateTimeOffset? NextAttemptAt { get; init; }
}
