using ClarityConnect.Abstractions.Agents;
using ClarityConnect.Abstractions.Events;
using ClarityConnect.Abstractions.Nodes;
using ClarityConnect.Abstractions.Sessions;
using ClarityConnect.Grains.Events;
using ClarityConnect.Grains.Sessions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Utilities;

namespace ClarityConnect.Grains.Agents;

/// <summary>An agent: validated status changes, the session offered or handled, caller context, and console notifications.</summary>
[GrainType(GrainTypeName)]
public sealed class AgentGrain(
    [PersistentState("agent")] IPersistentState<AgentState> state,
    IOptions<ChangeEventOptions> options,
    TimeProvider time,
    ILogger<AgentGrain> logger)
    : ChangeEventSourceGrain<AgentState>(state, options, logger), IAgentGrain
{
    /// <summary>The Orleans grain type name; change-event consumers address the agent by it.</summary>
    public const string GrainTypeName = "agent";

    private const int HistoryLength = 50;
    private readonly ObserverManager<IAgentConsoleObserver> _consoles = new(IAgentGrain.SubscriptionLifetime, logger);

    private string Id => this.GetPrimaryKeyString();
    private string Entity => $"agent {Id}";

    /// <inheritdoc />
    protected override string StreamKey => ChangeStreams.AgentKey(Id);

    /// <inheritdoc />
    public async Task SetStatusAsync(AgentStatus status, string? reason = null)
    {
        SessionInput.Length(reason, "reason", SessionInput.MaxNameLength);
        if (!AgentLifecycle.Chosen.Contains(status))
        {
            throw new InvalidRequestException("status", $"{status} follows a session; an agent chooses {string.Join(", ", AgentLifecycle.Chosen)}");
        }

        if (State.Status == status)
        {
            return;
        }

        if (AgentLifecycle.IsOnSession(State.Status))
        {
            throw new InvalidTransitionException(Entity, State.Status.ToString(), status.ToString(),
                $"the agent is on session {State.SessionId}; the status follows that session until it is completed");
        }

        await MoveAsync(status, sessionId: null, reason);
    }

    /// <inheritdoc />
    public async Task OfferAsync(SessionOffer offer)
    {
        SessionInput.Name(offer.SessionId, "offer.SessionId");
        if (State.Status == AgentStatus.Ringing && State.SessionId == offer.SessionId)
        {
            return;
        }

        EnsureCanMove(AgentStatus.Ringing);
        State.SessionId = offer.SessionId;
        State.CallerContext = offer.CallerContext;
        await MoveAsync(AgentStatus.Ringing, offer.SessionId, reason: null);
        await _consoles.Notify(console => console.OnCallerContextAsync(offer.CallerContext));
    }

    /// <inheritdoc />
    public async Task WithdrawOfferAsync(string sessionId, AgentStatus statusAfter, string reason)
    {
        if (statusAfter is not (AgentStatus.Available or AgentStatus.Away))
        {
            throw new InvalidRequestException("statusAfter", $"must be Available or Away, not {statusAfter}");
        }

        // The session is the source of truth: an agent no longer ringing for it has nothing to undo.
        if (State.Status != AgentStatus.Ringing || State.SessionId != sessionId)
        {
            return;
        }

        ClearSession();
        await MoveAsync(statusAfter, sessionId, reason);
    }

    /// <inheritdoc />
    public async Task AcceptAsync(string sessionId)
    {
        if (State.Status == AgentStatus.Busy && State.SessionId == sessionId)
        {
            return;
        }

        if (State.SessionId != sessionId)
        {
            throw new InvalidTransitionException(Entity, State.Status.ToString(), nameof(AgentStatus.Busy),
                $"session {sessionId} is not offered to this agent");
        }

        EnsureCanMove(AgentStatus.Busy);
        await MoveAsync(AgentStatus.Busy, sessionId, reason: null);
        await PopRecordsAsync(State.CallerContext?.Records ?? []);
    }

    /// <inheritdoc />
    public async Task StartWrapUpAsync(string sessionId)
    {
        if (State.Status != AgentStatus.Busy || State.SessionId != sessionId)
        {
            return;
        }

        await MoveAsync(AgentStatus.WrapUp, sessionId, reason: null);
    }

    /// <inheritdoc />
    public async Task FinishWrapUpAsync(string sessionId)
    {
        if (State.Status != AgentStatus.WrapUp || State.SessionId != sessionId)
        {
            return;
        }

        ClearSession();
        await MoveAsync(AgentStatus.Available, sessionId, reason: null);
    }

    /// <inheritdoc />
    public async Task UpdateCallerContextAsync(CallerContext context)
    {
        if (State.SessionId != context.SessionId || State.CallerContext is not { } previous)
        {
            return;
        }

        State.CallerContext = context;
        await CommitAsync();
        await _consoles.Notify(console => console.OnCallerContextAsync(context));
        if (State.Status == AgentStatus.Busy)
        {
            await PopRecordsAsync(context.Records.Where(r => previous.Records.All(p => p.Url != r.Url)).ToList());
        }
    }

    /// <inheritdoc />
    public async Task SendInstantMessageAsync(InstantMessage message)
    {
        SessionInput.Length(SessionInput.Name(message.Text, "message.Text"), "message.Text", SessionInput.MaxTextLength);
        var sent = message with { SentAt = message.SentAt == default ? time.GetUtcNow() : message.SentAt };
        await _consoles.Notify(console => console.OnInstantMessageAsync(sent));
    }

    /// <inheritdoc />
    public Task SubscribeAsync(IAgentConsoleObserver observer)
    {
        _consoles.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task UnsubscribeAsync(IAgentConsoleObserver observer)
    {
        _consoles.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<AgentSnapshot> GetAsync() => Task.FromResult(new AgentSnapshot
    {
        AgentId = Id,
        Status = State.Status,
        SessionId = State.SessionId,
        CallerContext = State.CallerContext,
        RecentHistory = State.RecentHistory.ToList(),
        EventSequence = Outbox.LastSequence,
    });

    private async Task PopRecordsAsync(IReadOnlyList<CrmRecordLink> records)
    {
        var sessionId = State.SessionId!;
        foreach (var record in records.Where(r => r.AutoOpenOnAccept))
        {
            var pop = new ScreenPop { SessionId = sessionId, Record = record, AutoOpen = true };
            await _consoles.Notify(console => console.OnScreenPopAsync(pop));
        }

        if (records.Count > 0)
        {
            var record = records[0];
            var message = new InstantMessage
            {
                SessionId = sessionId,
                Text = $"Caller record: {record.Name ?? record.RecordId} ({record.ObjectType}) {record.Url}",
                Link = record.Url,
                SentAt = time.GetUtcNow(),
            };
            await _consoles.Notify(console => console.OnInstantMessageAsync(message));
        }
    }

    private void ClearSession()
    {
        State.SessionId = null;
        State.CallerContext = null;
    }

    private void EnsureCanMove(AgentStatus to)
    {
        if (!AgentLifecycle.CanMove(State.Status, to))
        {
            throw new InvalidTransitionException(Entity, State.Status.ToString(), to.ToString(),
                $"from {State.Status} an agent can go to {string.Join(", ", AgentLifecycle.Next(State.Status))}");
        }
    }

    private Task MoveAsync(AgentStatus to, string? sessionId, string? reason)
    {
        EnsureCanMove(to);
        var from = State.Status;
        var now = time.GetUtcNow();
        State.Status = to;
        State.RecentHistory.Add(new AgentTransition { From = from, To = to, At = now, SessionId = sessionId, Reason = reason });
        if (State.RecentHistory.Count > HistoryLength)
        {
            State.RecentHistory.RemoveRange(0, State.RecentHistory.Count - HistoryLength);
        }

        return CommitAsync(new AgentChanged
        {
            EntityId = Id,
            Sequence = NextSequence,
            Time = now,
            Queue = State.CallerContext?.Queue,
            AgentId = Id,
            OldStatus = from,
            NewStatus = to,
            SessionId = sessionId,
        });
    }
}
