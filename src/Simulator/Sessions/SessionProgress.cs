using ClarityConnect.Abstractions.Sessions;

namespace ClarityConnect.Simulator.Sessions;

/// <summary>
/// How far a simulated session has got. Kept up to date after every successful call, and rebuilt from the session's
/// snapshot after a failed one, so the script carries on from the state the session is really in.
/// </summary>
public sealed record SessionProgress
{
    /// <summary>A session the cluster has not accepted yet.</summary>
    public static SessionProgress NotStarted { get; } = new();

    /// <summary>The session's status; null before <c>StartAsync</c> succeeded.</summary>
    public SessionStatus? Status { get; init; }

    /// <summary>How many steps of <see cref="SessionPlan.Conversation"/> are done.</summary>
    public int ConversationStepsDone { get; init; }

    /// <summary>How many offers were missed (requeued).</summary>
    public int MissedOffers { get; init; }

    /// <summary>Whether the wrap-up disposition was set.</summary>
    public bool WrapUpDetailsSet { get; init; }

    /// <summary>What <paramref name="snapshot"/> says has been done of <paramref name="plan"/>.</summary>
    public static SessionProgress FromSnapshot(SessionSnapshot snapshot, SessionPlan plan)
    {
        if (snapshot.Status == SessionStatus.New && snapshot.History.Count == 0)
        {
            return NotStarted;
        }

        var status = snapshot.Status;
        return new SessionProgress
        {
            Status = status,
            MissedOffers = snapshot.History.Count(t => t is { From: SessionStatus.Ringing, To: SessionStatus.Queued }),
            ConversationStepsDone = status switch
            {
                SessionStatus.Active or SessionStatus.Held => CountStepsDone(snapshot, plan),
                SessionStatus.WrapUp or SessionStatus.Completed => plan.Conversation.Count,
                _ => 0,
            },
            WrapUpDetailsSet = status is SessionStatus.WrapUp or SessionStatus.Completed
                && snapshot.Disposition == plan.WrapUp.Disposition
                && snapshot.SubDisposition == plan.WrapUp.SubDisposition,
        };
    }

    /// <summary>How many steps of <paramref name="kind"/> are done.</summary>
    public int CountDone(SessionPlan plan, ConversationStepKind kind) =>
        plan.Conversation.Take(ConversationStepsDone).Count(s => s.Kind == kind);

    private static int CountStepsDone(SessionSnapshot snapshot, SessionPlan plan)
    {
        // Walk the plan, consuming what the snapshot shows happened; the first step not found is the next one to do.
        var left = new Dictionary<ConversationStepKind, int>
        {
            [ConversationStepKind.StartRecording] = snapshot.Recordings.Count,
            [ConversationStepKind.StopRecording] = snapshot.Recordings.Count(r => r.StoppedAt is not null),
            [ConversationStepKind.Hold] = snapshot.History.Count(t => t.To == SessionStatus.Held),
            [ConversationStepKind.Resume] = snapshot.History.Count(t => t is { From: SessionStatus.Held, To: SessionStatus.Active }),
            [ConversationStepKind.Message] = snapshot.Transcript.Count,
            [ConversationStepKind.SetWrapUpDetails] = snapshot.Notes is null ? 0 : 1,
        };
        for (var i = 0; i < plan.Conversation.Count; i++)
        {
            var step = plan.Conversation[i];
            var done = step.Kind == ConversationStepKind.SetExtraItems
                ? step.ExtraItems!.All(item => snapshot.ExtraItems.TryGetValue(item.Key, out var value) && value == item.Value)
                : left[step.Kind]-- > 0;
            if (!done)
            {
                return i;
            }
        }

        return plan.Conversation.Count;
    }
}
