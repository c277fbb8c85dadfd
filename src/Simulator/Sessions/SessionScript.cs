using System.Diagnostics;
using ClarityConnect.Abstractions.Agents;
using ClarityConnect.Abstractions.Sessions;
using ClarityConnect.Connectors.Telemetry;
using ClarityConnect.Simulator.Agents;
using ClarityConnect.Simulator.Calls;

namespace ClarityConnect.Simulator.Sessions;

/// <summary>
/// Drives one session through its life as the telephony platform would: start, queue, offer to a free agent (who may
/// miss it), accept, talk or chat, wrap up, complete, or abandon. Each step follows from the session's current status,
/// so after a failed call the script re-reads the session and carries on from where it really is.
/// </summary>
public sealed class SessionScript(SessionPlan plan, ISessionGrain session, SessionScriptServices services)
{
    /// <summary>The operation name under which waits for a free agent are recorded.</summary>
    public const string WaitForAgent = "WaitForAgent";

    private const int MaxRecoveries = 5;
    private readonly Random _random = new(plan.Seed);
    private SessionProgress _progress = SessionProgress.NotStarted;
    private SimulatedAgent? _agent;
    private int _recoveries;
    private bool _failed;

    /// <summary>Runs the session to its end; never throws. <paramref name="cancellationToken"/> interrupts it.</summary>
    public async Task<SessionResult> RunAsync(CancellationToken cancellationToken)
    {
        // One trace per simulated session: every grain call of the session, and what the cluster does for it, is a span of it.
        using var activity = ClarityConnectTelemetry.ActivitySource.StartActivity("simulated session", ActivityKind.Client);
        activity?.SetTag(TelemetryTags.SessionId, plan.SessionId);
        var outcome = await RunToEndAsync(cancellationToken);
        return new SessionResult(
            outcome,
            _progress.Status is not null,
            plan.Channel,
            _progress.CountDone(plan, ConversationStepKind.StartRecording),
            _progress.CountDone(plan, ConversationStepKind.Message),
            _progress.CountDone(plan, ConversationStepKind.Hold),
            _progress.MissedOffers);
    }

    private async Task<SessionOutcome> RunToEndAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!_failed)
            {
                switch (_progress.Status)
                {
                    case SessionStatus.Completed:
                        return SessionOutcome.Completed;
                    case SessionStatus.Abandoned:
                        return SessionOutcome.Abandoned;
                }

                try
                {
                    await StepAsync(cancellationToken);
                }
                catch (GrainCallException error)
                {
                    if (!await RecoverAsync(error, cancellationToken))
                    {
                        return SessionOutcome.Failed;
                    }
                }
            }

            return SessionOutcome.Failed;
        }
        catch (NoAgentsLeftException ex)
        {
            await FailAsync(ex.Message, cancellationToken);
            return SessionOutcome.Failed;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            if (_agent is { } agent)
            {
                services.Agents.LeaveOnSession(agent);
            }

            return SessionOutcome.Interrupted;
        }
    }

    private Task StepAsync(CancellationToken cancellationToken) => _progress.Status switch
    {
        null => StartAsync(cancellationToken),
        SessionStatus.New => LeaveCallFlowAsync(cancellationToken),
        SessionStatus.Queued => WaitInQueueAsync(cancellationToken),
        SessionStatus.Ringing => RingAsync(cancellationToken),
        SessionStatus.Active or SessionStatus.Held => ConverseAsync(cancellationToken),
        SessionStatus.WrapUp => WrapUpAsync(cancellationToken),
        _ => throw new InvalidOperationException($"No step from {_progress.Status}."),
    };

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        var snapshot = await services.Caller.InvokeAsync(GrainOperation.Start, () => session.StartAsync(plan.Start), cancellationToken);
        if (snapshot.Status != SessionStatus.New)
        {
            // StartAsync with the same data is a no-op: this id belongs to a session of an earlier run.
            await FailAsync(TakenIdMessage(snapshot.Status), cancellationToken);
            _failed = true;
            return;
        }

        MoveTo(SessionStatus.New);
    }

    private async Task LeaveCallFlowAsync(CancellationToken cancellationToken)
    {
        await PauseAsync(1, cancellationToken);
        if (plan.Abandon == AbandonPoint.InCallFlow)
        {
            await CallAsync(GrainOperation.Abandon, () => session.AbandonAsync("caller hung up in the call flow"), cancellationToken);
            MoveTo(SessionStatus.Abandoned);
            return;
        }

        await CallAsync(GrainOperation.Enqueue, () => session.EnqueueAsync(plan.Queue), cancellationToken);
        MoveTo(SessionStatus.Queued);
    }

    private async Task WaitInQueueAsync(CancellationToken cancellationToken)
    {
        if (plan.Abandon == AbandonPoint.WhileQueued && _progress.MissedOffers >= plan.MissedOffers)
        {
            await PauseAsync(3, cancellationToken);
            await CallAsync(GrainOperation.Abandon, () => session.AbandonAsync("caller hung up while queued"), cancellationToken);
            MoveTo(SessionStatus.Abandoned);
            return;
        }

        var waiting = Stopwatch.GetTimestamp();
        var agent = await services.Agents.AcquireAsync(cancellationToken);
        services.AgentWaits.Record(WaitForAgent, Stopwatch.GetElapsedTime(waiting));
        _agent = agent;
        await CallAsync(GrainOperation.Offer, () => session.OfferAsync(agent.Id), cancellationToken);
        MoveTo(SessionStatus.Ringing);
    }

    private async Task RingAsync(CancellationToken cancellationToken)
    {
        await PauseAsync(1, cancellationToken);
        if (_progress.MissedOffers < plan.MissedOffers)
        {
            await CallAsync(GrainOperation.Requeue, () => session.RequeueAsync("no answer", AgentStatus.Away), cancellationToken);
            _progress = _progress with { Status = SessionStatus.Queued, MissedOffers = _progress.MissedOffers + 1 };
            var agent = _agent!;
            _agent = null;
            services.Agents.ComeBackLater(agent);
            return;
        }

        await CallAsync(GrainOperation.Accept, session.AcceptAsync, cancellationToken);
        MoveTo(SessionStatus.Active);
    }

    private async Task ConverseAsync(CancellationToken cancellationToken)
    {
        var done = _progress.ConversationStepsDone;
        if (done == plan.Conversation.Count)
        {
            await PauseAsync(1, cancellationToken);
            await CallAsync(GrainOperation.End, session.EndAsync, cancellationToken);
            MoveTo(SessionStatus.WrapUp);
            return;
        }

        var step = plan.Conversation[done];
        await PauseAsync(step.Pause, cancellationToken);
        await (step.Kind switch
        {
            ConversationStepKind.StartRecording => CallAsync(GrainOperation.StartRecording, () => session.StartRecordingAsync(step.RecordingLocation!), cancellationToken),
            ConversationStepKind.StopRecording => CallAsync(GrainOperation.StopRecording, session.StopRecordingAsync, cancellationToken),
            ConversationStepKind.Hold => CallAsync(GrainOperation.Hold, session.HoldAsync, cancellationToken),
            ConversationStepKind.Resume => CallAsync(GrainOperation.Resume, session.ResumeAsync, cancellationToken),
            ConversationStepKind.Message => CallAsync(GrainOperation.AddTranscriptMessage,
                () => session.AddTranscriptMessageAsync(step.Message! with { SentAt = DateTimeOffset.UtcNow }), cancellationToken),
            ConversationStepKind.SetExtraItems => CallAsync(GrainOperation.SetExtraItems, () => session.SetExtraItemsAsync(step.ExtraItems!), cancellationToken),
            ConversationStepKind.SetWrapUpDetails => CallAsync(GrainOperation.SetWrapUpDetails, () => session.SetWrapUpDetailsAsync(step.WrapUp!), cancellationToken),
            _ => throw new InvalidOperationException($"Unknown step {step.Kind}."),
        });
        _progress = _progress with
        {
            ConversationStepsDone = done + 1,
            Status = step.Kind switch
            {
                ConversationStepKind.Hold => SessionStatus.Held,
                ConversationStepKind.Resume => SessionStatus.Active,
                _ => _progress.Status,
            },
        };
    }

    private async Task WrapUpAsync(CancellationToken cancellationToken)
    {
        await PauseAsync(1, cancellationToken);
        if (!_progress.WrapUpDetailsSet)
        {
            await CallAsync(GrainOperation.SetWrapUpDetails, () => session.SetWrapUpDetailsAsync(plan.WrapUp), cancellationToken);
            _progress = _progress with { WrapUpDetailsSet = true };
            return;
        }

        await CallAsync(GrainOperation.Complete, () => session.CompleteAsync(plan.Completion), cancellationToken);
        MoveTo(SessionStatus.Completed);
        if (_agent is { } agent)
        {
            _agent = null;
            agent.CountSession();
            if (plan.AgentBreakAfter)
            {
                services.Agents.TakeBreak(agent);
            }
            else
            {
                services.Agents.Release(agent);
            }
        }
    }

    private async Task<bool> RecoverAsync(GrainCallException error, CancellationToken cancellationToken)
    {
        services.Errors.CallFailed(plan.SessionId, error);
        if (++_recoveries > MaxRecoveries)
        {
            await FailAsync($"gave up after {MaxRecoveries} failed calls; the last: {error.Message}", cancellationToken);
            return false;
        }

        SessionSnapshot snapshot;
        try
        {
            snapshot = await services.Recovery.ExecuteAsync(
                ct => services.Caller.InvokeAsync(GrainOperation.Get, () => session.GetAsync(), ct), cancellationToken);
        }
        catch (GrainCallException readError)
        {
            await FailAsync($"{error.Message}; then it could not be re-read within {services.Recovery.Patience.TotalSeconds:0.#} s ({readError.Message})", cancellationToken);
            return false;
        }

        var progress = SessionProgress.FromSnapshot(snapshot, plan);
        if (_progress.Status is null && progress.Status is not (null or SessionStatus.New))
        {
            await FailAsync($"{error.Message}; {TakenIdMessage(snapshot.Status)}", cancellationToken);
            return false;
        }

        // A refused offer usually means the agent was not Available after all: the agent is repaired below and the
        // session offered again. Any other refusal with nothing changed would only be refused again.
        if (progress == _progress && error.IsRefusal && error.Operation != GrainOperation.Offer)
        {
            await FailAsync($"{error.Message} (the session is {snapshot.Status}; repeating the call cannot help)", cancellationToken);
            return false;
        }

        if (progress.Status is SessionStatus.Ringing or SessionStatus.Active or SessionStatus.Held or SessionStatus.WrapUp)
        {
            if (_agent is null || snapshot.AgentId != _agent.Id)
            {
                await FailAsync($"{error.Message}; the session is {snapshot.Status} with agent {snapshot.AgentId ?? "(none)"}, not with the agent the simulator gave it", cancellationToken);
                return false;
            }
        }
        else if (_agent is { } agent)
        {
            // The session no longer holds the agent (the offer was withdrawn, or the session ended): repair and hand it back.
            _agent = null;
            if (progress.Status == SessionStatus.Completed)
            {
                agent.CountSession();
            }

            await services.Agents.ReconcileAsync(agent, cancellationToken);
        }

        _progress = progress;
        return true;
    }

    private async Task FailAsync(string reason, CancellationToken cancellationToken)
    {
        services.Errors.SessionFailed(plan.SessionId, reason);
        if (_agent is { } agent)
        {
            _agent = null;
            try
            {
                await services.Agents.ReconcileAsync(agent, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Stopped while repairing the agent: the session is failed either way.
            }
        }
    }

    private string TakenIdMessage(SessionStatus status) =>
        $"the id {plan.SessionId} is taken by a session of an earlier run (it is {status}); use a new --run-id";

    private Task CallAsync(string operation, Func<Task> call, CancellationToken cancellationToken) =>
        services.Caller.InvokeAsync(operation, call, cancellationToken);

    private Task PauseAsync(double units, CancellationToken cancellationToken) =>
        services.Think.PauseAsync(_random, units, cancellationToken);

    private void MoveTo(SessionStatus status) => _progress = _progress with { Status = status };
}
