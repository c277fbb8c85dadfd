using ClarityConnect.Abstractions.Exports;

namespace ClarityConnect.Grains.Exports;

/// <summary>The stored state of an <see cref="ExportGrain"/>.</summary>
[GenerateSerializer]
public sealed class ExportGrainState
{
    /// <summary>Where the export is: pending, done or parked as failed. Field <c>[Id(0)]</c>, named <c>State</c> before issue 17:
    /// Orleans' serializer identifies a field by its id, not its name, so state stored under the old name reads.</summary>
    [Id(0)] public ExportState Phase { get; set; }
    [Id(1)] public int Attempts { get; set; }
    [Id(2)] public string? LastError { get; set; }
    [Id(3)] public Dictionary<string, string> Delivered { get; set; } = [];
    [Id(4)] public string? Record { get; set; }
    [Id(5)] public DateTimeOffset? CreatedAt { get; set; }
    [Id(6)] public DateTimeOffset? UpdatedAt { get; set; }
    [Id(7)] public DateTimeOffset? NextAttemptAt { get; set; }
    /// <summary>The W3C trace context of the call that started (or retried) the export: its attempts are spans of that trace.</summary>
    [Id(8)] public string? TraceParent { get; set; }
}
