using ClarityConnect.Abstractions.Nodes;

namespace ClarityConnect.Abstractions.Sessions;

/// <summary>Everything known about a session: what the Session Details page and the post-call exports show.</summary>
[GenerateSerializer, Immutable]
public sealed record SessionSnapshot
{
    /// <summary>The session id.</summary>
    [Id(0)] public required string SessionId { get; init; }
    /// <summary>The current status; <see cref="SessionStatus.New"/> with an empty history means the session was never started.</summary>
    [Id(1)] public SessionStatus Status { get; init; }
    /// <summary>Voice or chat.</summary>
    [Id(2)] public SessionChannel Channel { get; init; }
    /// <summary>The caller's phone number as received.</summary>
    [Id(3)] public string? CallerPhoneNumber { get; init; }
    /// <summary>The caller's SIP address.</summary>
    [Id(4)] public string? SipAddress { get; init; }
    /// <summary>The caller ID name (the customer name).</summary>
    [Id(5)] public string? CallerIdName { get; init; }
    /// <summary>The SIP URI or telephone number the customer dialed.</summary>
    [Id(6)] public string? DialedNumber { get; init; }
    /// <summary>The queue the session was placed in.</summary>
    [Id(7)] public string? Queue { get; init; }
    /// <summary>The agent who was offered or handled the session.</summary>
    [Id(8)] public string? AgentId { get; init; }
    /// <summary>The call variables, including the <c>SYSTEM.*</c> ones.</summary>
    [Id(9)] public IReadOnlyDictionary<string, string> ExtraItems { get; init; } = new Dictionary<string, string>();
    /// <summary>The recording pieces in order.</summary>
    [Id(10)] public IReadOnlyList<RecordingPiece> Recordings { get; init; } = [];
    /// <summary>The chat transcript in order.</summary>
    [Id(11)] public IReadOnlyList<TranscriptMessage> Transcript { get; init; } = [];
    /// <summary>The disposition.</summary>
    [Id(12)] public string? Disposition { get; init; }
    /// <summary>The sub-disposition.</summary>
    [Id(13)] public string? SubDisposition { get; init; }
    /// <summary>The agent's notes.</summary>
    [Id(14)] public string? Notes { get; init; }
    /// <summary>Every status change with its time.</summary>
    [Id(15)] public IReadOnlyList<SessionTransition> History { get; init; } = [];
    /// <summary>Integration nodes run during the session, with their exits.</summary>
    [Id(16)] public IReadOnlyList<NodeRun> NodeRuns { get; init; } = [];
    /// <summary>The CRM record the session is linked to (exports go there, once), if a lookup found one.</summary>
    [Id(17)] public CrmRecordLink? LinkedRecord { get; init; }
    /// <summary>The sequence number of the latest <see cref="Events.SessionChanged"/> event.</summary>
    [Id(18)] public long EventSequence { get; init; }
    /// <summary>When the session started; null if it never did.</summary>
    [Id(19)] public DateTimeOffset? StartedAt { get; init; }
    /// <summary>When it reached a terminal status.</summary>
    [Id(20)] public DateTimeOffset? EndedAt { get; init; }
}
