// Over 350 lines because it is one grain: every method of ISessionGrain guards and commits a session transition, and splitting the life cycle would spread one state machine over several files.
using ClarityConnect.Abstractions.Agents;
using ClarityConnect.Abstractions.Events;
using ClarityConnect.Abstractions.Nodes;
using ClarityConnect.Abstractions.Sessions;
using ClarityConnect.Grains.Events;
using ClarityConnect.Grains.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClarityConnect.Grains.Sessions;

/// <summary>A voice call or chat: its life cycle, caller data, recordings, transcript, lookups and change events.</summary>
[GrainType(GrainTypeName)]
public sealed class SessionGrain(
    [PersistentState("session")] IPersistentState<SessionState> state,
    IOptions<ChangeEventOptions> options,
    TimeProvider time,
    ILogger<SessionGrain> logger)
    : ChangeEventSourceGrain<SessionState>(state, options, logger), ISessionGrain
{
    /// <summary>The Orleans grain type name; change-event consumers address the session by it.</summary>
    public const string GrainTypeName = "session";

    private string Id => this.GetPrimaryKeyString();
    private string Entity => $"session {Id}";

    /// <inheritdoc />
    protected override string StreamKey => ChangeStreams.SessionKey(Id);

    /// <inheritdoc />
    public async Task<SessionSnapshot> StartAsync(SessionStart start)
    {
        SessionInput.Start(start);
        if (State.Started)
        {
            return IsSameStart(start)
                ? Snapshot()
                : throw new InvalidRequestException("SessionStart", $"{Entity} was already started with different caller data");
        }

        State.Channel = start.Channel;
        State.CallerPhoneNumber = start.CallerPhoneNumber;
        State.SipAddress = start.SipAddress;
        State.CallerIdName = start.CallerIdName;
        State.DialedNumber = start.DialedNumber;
        foreach (var (name, value) in start.ExtraItems ?? new Dictionary<string, string>())
        {
            State.ExtraItems[name] = value;
        }

        SetSystemItem(SystemExtraItems.SessionId, Id);
        SetSystemItem(SystemExtraItems.Channel, start.Channel.ToString());
        SetSystemItem(SystemExtraItems.CallerPhoneNumber, start.CallerPhoneNumber);
        SetSystemItem(SystemExtraItems.SipAddress, start.SipAddress);
        SetSystemItem(SystemExtraItems.CallerIdName, start.CallerIdName);
        SetSystemItem(SystemExtraItems.DialedNumber, start.DialedNumber);
        await CommitTransitionAsync(from: null, SessionStatus.New, reason: null);
        return Snapshot();
    }

    /// <inheritdoc />
    public async Task EnqueueAsync(string queue)
    {
        queue = SessionInput.Name(queue, "queue");
        if (State.Status == SessionStatus.Ringing)
        {
            await RequeueAsync("moved to queue " + queue, AgentStatus.Available, queue);
            return;
        }

        EnsureCanMove(SessionStatus.Queued);
        State.Queue = queue;
        SetSystemItem(SystemExtraItems.Queue, queue);
        await MoveAsync(SessionStatus.Queued);
    }

    /// <inheritdoc />
    public async Task OfferAsync(string agentId)
    {
        agentId = SessionInput.Name(agentId, "agentId");
        EnsureCanMove(SessionStatus.Ringing);
        var agent = GrainFactory.GetGrain<IAgentGrain>(agentId);
        await agent.OfferAsync(new SessionOffer { SessionId = Id, Queue = State.Queue, CallerContext = CallerContext() });
        try
        {
            State.AgentId = agentId;
            SetSystemItem(SystemExtraItems.AgentId, agentId);
            await MoveAsync(SessionStatus.Ringing);
        }
        catch
        {
            await agent.WithdrawOfferAsync(Id, AgentStatus.Available, "the offer could not be recorded");
            throw;
        }
    }

    /// <inheritdoc />
    public Task RequeueAsync(string reason, AgentStatus agentStatusAfter = AgentStatus.Available) =>
        RequeueAsync(reason, agentStatusAfter, State.Queue);

    /// <inheritdoc />
    public async Task AcceptAsync()
    {
        EnsureCanMove(SessionStatus.Active);
        if (State.Status != SessionStatus.Ringing)
        {
            throw new InvalidTransitionException(Entity, StatusName(), nameof(SessionStatus.Active), "only a ringing session can be accepted (a held one is resumed)");
        }

        await CurrentAgent().AcceptAsync(Id);
        await MoveAsync(SessionStatus.Active);
    }

    /// <inheritdoc />
    public async Task HoldAsync()
    {
        EnsureCanMove(SessionStatus.Held);
        await MoveAsync(SessionStatus.Held);
    }

    /// <inheritdoc />
    public async Task ResumeAsync()
    {
        if (State.Status != SessionStatus.Held)
        {
            throw new InvalidTransitionException(Entity, StatusName(), nameof(SessionStatus.Active), "only a held session can be resumed");
        }

        await MoveAsync(SessionStatus.Active);
    }

    /// <inheritdoc />
    public async Task StartRecordingAsync(string location)
    {
        location = SessionInput.Name(location, "location");
        RequireVoiceConversation("a recording");
        if (OpenRecording() is { } open)
        {
            throw new InvalidRequestException("recording", $"piece {open.Number} of {Entity} is still recording; stop it first");
        }

        State.Recordings.Add(new RecordingPiece { Number = State.Recordings.Count + 1, Location = location, StartedAt = time.GetUtcNow() });
        await CommitAsync();
    }

    /// <inheritdoc />
    public async Task StopRecordingAsync()
    {
        RequireVoiceConversation("a recording");
        if (OpenRecording() is null)
        {
            throw new InvalidRequestException("recording", $"{Entity} is not recording");
        }

        CloseOpenRecording();
        await CommitAsync();
    }

    /// <inheritdoc />
    public async Task AddTranscriptMessageAsync(TranscriptMessage message)
    {
        EnsureOpen("a transcript message");
        if (State.Channel != SessionChannel.Chat)
        {
            throw new InvalidRequestException("message", $"{Entity} is a voice session; only chat sessions have a transcript");
        }

        SessionInput.Name(message.Sender, "message.Sender");
        SessionInput.Length(message.Text, "message.Text", SessionInput.MaxTextLength);
        State.Transcript.Add(message with { SentAt = message.SentAt == default ? time.GetUtcNow() : message.SentAt });
        await CommitAsync();
    }

    /// <inheritdoc />
    public async Task SetExtraItemsAsync(IReadOnlyDictionary<string, string> items)
    {
        EnsureOpen("extra items");
        SessionInput.ExtraItems(items);
        foreach (var (name, value) in items)
        {
            SetItem(name, value);
        }

        await CommitAsync();
    }

    /// <inheritdoc />
    public async Task SetWrapUpDetailsAsync(WrapUpDetails details)
    {
        SessionInput.WrapUp(details);
        if (State.Status is not (SessionStatus.Active or SessionStatus.Held or SessionStatus.WrapUp))
        {
            throw new InvalidRequestException("details", $"{Entity} is {StatusName()}; a disposition can be set while Active, Held or WrapUp");
        }

        ApplyWrapUp(details);
        await CommitAsync();
    }

    /// <inheritdoc />
    public async Task EndAsync()
    {
        EnsureCanMove(SessionStatus.WrapUp);
        await CurrentAgent().StartWrapUpAsync(Id);
        CloseOpenRecording();
        await MoveAsync(SessionStatus.WrapUp);
    }

    /// <inheritdoc />
    public async Task CompleteAsync(WrapUpDetails? details = null)
    {
        if (details is not null)
        {
            SessionInput.WrapUp(details);
        }

        EnsureCanMove(SessionStatus.Completed);
        await CurrentAgent().FinishWrapUpAsync(Id);
        if (details is not null)
        {
            ApplyWrapUp(details);
        }

        await MoveAsync(SessionStatus.Completed);
    }

    /// <inheritdoc />
    public async Task AbandonAsync(string reason)
    {
        reason = SessionInput.Length(reason, "reason", SessionInput.MaxNameLength) ?? "";
        EnsureCanMove(SessionStatus.Abandoned);
        if (State.Status == SessionStatus.Ringing)
        {
            await CurrentAgent().WithdrawOfferAsync(Id, AgentStatus.Available, "the customer abandoned");
        }

        await MoveAsync(SessionStatus.Abandoned, reason);
    }

    /// <inheritdoc />
    public async Task<NodeOutcome> RunNodeAsync(IntegrationNode node)
    {
        EnsureOpen("an integration node");
        NodeDefinitionValidator.Validate(node);
        // Resolved for the run, not held by the activation: a runner holds each CRM's client (an HttpClient apiece), which a
        // session, active for the whole call, would otherwise keep for a lookup it runs once or never.
        var nodeRunner = ServiceProvider.GetRequiredService<INodeRunner>();
        var outcome = await nodeRunner.RunAsync(node, Snapshot(), CancellationToken.None);
        foreach (var (name, value) in outcome.ExtraItemsSet.Where(i => !SystemExtraItems.IsSystem(i.Key)))
        {
            SetItem(name, value);
        }

        State.NodeRuns.Add(new NodeRun
        {
            NodeId = node.NodeId,
            Kind = IntegrationNodeRunner.KindOf(node),
            Integration = node.Integration,
            At = time.GetUtcNow(),
            Outcome = outcome,
        });
        if (outcome.Records.Count > 0)
        {
            State.LinkedRecord = outcome.Records[0];
            State.CallerRecords.RemoveAll(r => outcome.Records.Any(found => found.Url == r.Url));
            State.CallerRecords.InsertRange(0, outcome.Records);
        }

        await CommitAsync();
        if (outcome.Records.Count > 0 && State.AgentId is not null
            && State.Status is SessionStatus.Ringing or SessionStatus.Active or SessionStatus.Held)
        {
            await CurrentAgent().UpdateCallerContextAsync(CallerContext());
        }

        return outcome;
    }

    /// <inheritdoc />
    public Task<SessionSnapshot> GetAsync() => Task.FromResult(Snapshot());

    private async Task RequeueAsync(string reason, AgentStatus agentStatusAfter, string? queue)
    {
        reason = SessionInput.Length(reason, "reason", SessionInput.MaxNameLength) ?? "";
        if (agentStatusAfter is not (AgentStatus.Available or AgentStatus.Away))
        {
            throw new InvalidRequestException("agentStatusAfter", $"must be Available or Away, not {agentStatusAfter}");
        }

        if (State.Status != SessionStatus.Ringing)
        {
            throw new InvalidTransitionException(Entity, StatusName(), nameof(SessionStatus.Queued), "only a ringing session can be requeued");
        }

        await CurrentAgent().WithdrawOfferAsync(Id, agentStatusAfter, reason);
        State.Queue = queue;
        SetSystemItem(SystemExtraItems.Queue, queue);
        await MoveAsync(SessionStatus.Queued, reason, agentBefore: State.AgentId);
    }

    private Task MoveAsync(SessionStatus to, string? reason = null, string? agentBefore = null)
    {
        EnsureCanMove(to);
        return CommitTransitionAsync(State.Status, to, reason, agentBefore);
    }

    private Task CommitTransitionAsync(SessionStatus? from, SessionStatus to, string? reason, string? agentBefore = null)
    {
        var now = time.GetUtcNow();
        if (to == SessionStatus.Queued && from == SessionStatus.Ringing)
        {
            State.AgentId = null;
        }

        State.Status = to;
        State.History.Add(new SessionTransition { From = from, To = to, At = now, Queue = State.Queue, AgentId = State.AgentId ?? agentBefore, Reason = reason });
        return CommitAsync(new SessionChanged
        {
            EntityId = Id,
            Sequence = NextSequence,
            Time = now,
            Queue = State.Queue,
            AgentId = State.AgentId ?? agentBefore,
            OldStatus = from,
            NewStatus = to,
            Channel = State.Channel,
        });
    }

    private void EnsureStarted(string to)
    {
        if (!State.Started)
        {
            throw new InvalidTransitionException(Entity, "NotStarted", to, "the session was never started (call StartAsync first)");
        }
    }

    private void EnsureCanMove(SessionStatus to)
    {
        EnsureStarted(to.ToString());
        if (!SessionLifecycle.CanMove(State.Status, to))
        {
            var next = SessionLifecycle.Next(State.Status);
            throw new InvalidTransitionException(Entity, StatusName(), to.ToString(),
                next.Count == 0 ? $"{StatusName()} is final" : $"from {StatusName()} a session can go to {string.Join(", ", next)}");
        }
    }

    private void EnsureOpen(string what)
    {
        EnsureStarted(State.Status.ToString());
        if (SessionLifecycle.IsTerminal(State.Status))
        {
            throw new InvalidRequestException("session", $"{Entity} is {StatusName()}; {what} can no longer be added");
        }
    }

    private void RequireVoiceConversation(string what)
    {
        EnsureOpen(what);
        if (State.Channel != SessionChannel.Voice)
        {
            throw new InvalidRequestException("session", $"{Entity} is a chat; {what} needs a voice session");
        }

        if (State.Status is not (SessionStatus.Active or SessionStatus.Held))
        {
            throw new InvalidRequestException("session", $"{Entity} is {StatusName()}; {what} needs an Active or Held session");
        }
    }

    private IAgentGrain CurrentAgent() =>
        GrainFactory.GetGrain<IAgentGrain>(State.AgentId ?? throw new InvalidRequestException("session", $"{Entity} has no agent"));

    private RecordingPiece? OpenRecording() => State.Recordings.LastOrDefault(r => r.StoppedAt is null);

    private void CloseOpenRecording()
    {
        if (OpenRecording() is { } open)
        {
            State.Recordings[^1] = open with { StoppedAt = time.GetUtcNow() };
        }
    }

    private void ApplyWrapUp(WrapUpDetails details)
    {
        State.Disposition = details.Disposition ?? State.Disposition;
        State.SubDisposition = details.SubDisposition ?? State.SubDisposition;
        State.Notes = details.Notes ?? State.Notes;
    }

    private void SetSystemItem(string name, string? value) => SetItem(name, value);

    private void SetItem(string name, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            State.ExtraItems.Remove(name);
        }
        else
        {
            State.ExtraItems[name] = value;
        }
    }

    private bool IsSameStart(SessionStart start) =>
        start.Channel == State.Channel && start.CallerPhoneNumber == State.CallerPhoneNumber && start.SipAddress == State.SipAddress
        && start.CallerIdName == State.CallerIdName && start.DialedNumber == State.DialedNumber;

    private string StatusName() => State.Status.ToString();

    private CallerContext CallerContext() => new()
    {
        SessionId = Id,
        Caller = State.CallerPhoneNumber ?? State.SipAddress,
        CallerIdName = State.CallerIdName,
        Queue = State.Queue,
        Records = State.CallerRecords.ToList(),
    };

    private SessionSnapshot Snapshot() => new()
    {
        SessionId = Id,
        Status = State.Status,
        Channel = State.Channel,
        CallerPhoneNumber = State.CallerPhoneNumber,
        SipAddress = State.SipAddress,
        CallerIdName = State.CallerIdName,
        DialedNumber = State.DialedNumber,
        Queue = State.Queue,
        AgentId = State.AgentId,
        ExtraItems = new Dictionary<string, string>(State.ExtraItems, StringComparer.OrdinalIgnoreCase),
        Recordings = State.Recordings.ToList(),
        Transcript = State.Transcript.ToList(),
        Disposition = State.Disposition,
        SubDisposition = State.SubDisposition,
        Notes = State.Notes,
        History = State.History.ToList(),
        NodeRuns = State.NodeRuns.ToList(),
        LinkedRecord = State.LinkedRecord,
        EventSequence = Outbox.LastSequence,
        StartedAt = State.History.FirstOrDefault()?.At,
        EndedAt = SessionLifecycle.IsTerminal(State.Status) ? State.History[^1].At : null,
    };
}
