using ClarityConnect.Abstractions.Exports;

namespace ClarityConnect.Abstractions.Listings;

/// <summary>Filters of the export listing; every filter given must match.</summary>
[GenerateSerializer, Immutable]
public sealed record ExportQuery : PageRequest
{
    /// <summary>Only exports in this state (pending, done, failed).</summary>
    [Id(0)] public ExportState? State { get; init; }

    /// <summary>Only exports to this target (<c>salesforce</c>, <c>dynamics</c>, <c>csi</c>).</summary>
    [Id(1)] public string? Target { get; init; }

    /// <summary>Only the exports of this session.</summary>
    [Id(2)] public string? SessionId { get; init; }
}
