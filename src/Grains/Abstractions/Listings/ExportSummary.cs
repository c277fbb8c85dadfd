using ClarityConnect.Abstractions.Exports;

namespace ClarityConnect.Abstractions.Listings;

/// <summary>An export's line in the export listing.</summary>
[GenerateSerializer, Immutable]
public sealed record ExportSummary
{
    /// <summary>The target: <c>salesforce</c>, <c>dynamics</c> or <c>csi</c>.</summary>
    [Id(0)] public required string Target { get; init; }

    /// <summary>The exported session.</summary>
    [Id(1)] public required string SessionId { get; init; }

    /// <summary>Pending, done or failed.</summary>
    [Id(2)] public ExportState State { get; init; }

    /// <summary>Attempts so far.</summary>
    [Id(3)] public int Attempts { get; init; }

    /// <summary>Why the latest attempt failed, if it did.</summary>
    [Id(4)] public string? LastError { get; init; }

    /// <summary>When the export started.</summary>
    [Id(5)] public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When its state last changed.</summary>
    [Id(6)] public DateTimeOffset UpdatedAt { get; init; }
}
