using ClarityConnect.Abstractions.Exports;

namespace ClarityConnect.Grains.Exports;

/// <summary>The stored state of an <see cref="ExportGrain"/>.</summary>
[GenerateSerializer]
public sealed class ExportGrainState
{
    [Id(0)] public ExportState State { get; set; }
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
