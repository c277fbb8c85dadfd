using ClarityConnect.Abstractions.Nodes;

namespace ClarityConnect.Grains.Crm;

/// <summary>The stored state of a <see cref="CallerRecordGrain"/>.</summary>
[GenerateSerializer]
public sealed class CallerRecordState
{
    [Id(0)] public DateTimeOffset FoundAt { get; set; }
    [Id(1)] public string? SessionId { get; set; }
    [Id(2)] public List<CrmRecordLink> Records { get; set; } = [];
    [Id(3)] public Dictionary<string, string> ExtraItems { get; set; } = [];
}
