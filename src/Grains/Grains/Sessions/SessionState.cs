using ClarityConnect.Abstractions.Nodes;
using ClarityConnect.Abstractions.Sessions;
using ClarityConnect.Grains.Events;

namespace ClarityConnect.Grains.Sessions;

/// <summary>The stored state of a <see cref="SessionGrain"/>.</summary>
[GenerateSerializer]
public sealed class SessionState : IHasChangeOutbox
{
    [Id(0)] public SessionStatus Status { get; set; }
    [Id(1)] public SessionChannel Channel { get; set; }
    [Id(2)] public string? CallerPhoneNumber { get; set; }
    [Id(3)] public string? SipAddress { get; set; }
    [Id(4)] public string? CallerIdName { get; set; }
    [Id(5)] public string? DialedNumber { get; set; }
    [Id(6)] public string? Queue { get; set; }
    [Id(7)] public string? AgentId { get; set; }
    [Id(8)] public Dictionary<string, string> ExtraItems { get; set; } = new(StringComparer.OrdinalIgnoreCase);
    [Id(9)] public List<RecordingPiece> Recordings { get; set; } = [];
    [Id(10)] public List<TranscriptMessage> Transcript { get; set; } = [];
    [Id(11)] public string? Disposition { get; set; }
    [Id(12)] public string? SubDisposition { get; set; }
    [Id(13)] public string? Notes { get; set; }
    [Id(14)] public List<SessionTransition> History { get; set; } = [];
    [Id(15)] public List<NodeRun> NodeRuns { get; set; } = [];
    [Id(16)] public CrmRecordLink? LinkedRecord { get; set; }
    [Id(17)] public List<CrmRecordLink> CallerRecords { get; set; } = [];
    [Id(18)] public ChangeOutbox Outbox { get; set; } = new();

    /// <summary>Whether <see cref="ISessionGrain.StartAsync"/> ran.</summary>
    public bool Started => History.Count > 0;
}
