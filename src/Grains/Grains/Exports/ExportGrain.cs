using System.Diagnostics;
using ClarityConnect.Abstractions.Exports;
using ClarityConnect.Abstractions.Sessions;
using ClarityConnect.Connectors.Telemetry;
using ClarityConnect.Grains.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ClarityConnect.Abstractions.Listings;
using ClarityConnect.Grains.Listings;
using ClarityConnect.Grains.Retries;
using Orleans.Storage;

namespace ClarityConnect.Grains.Exports;

/// <summary>
/// Delivers a finished session to one target (a CRM record, CSI), item by item. Every target looks for an item by its
/// unique name before sending it, so a retry or a restart never delivers an item twice, whatever the export had
/// stored. The first attempt runs inside <see cref="StartAsync"/> and its outcome is the export's first durable write:
/// until that call returns, the caller's change event stays unacknowledged and its producer redelivers it, which is the
/// safety net of that attempt. Only an attempt that fails registers a reminder; later attempts retry with exponential
/// backoff inside the activation (<see cref="DurableRetry"/>), the reminder carries on after a silo restart, and after
/// <see cref="ExportOptions.MaxAttempts"/> the export is parked as failed with its reason.
/// </summary>
public sealed class ExportGrain(
    [PersistentState("export")] IPersistentState<ExportGrainState> state,
    ListingWriter listings,
    IOptions<ExportOptions> options,
    TimeProvider time,
    ILogger<ExportGrain> logger) : Grain, IExportGrain, IRemindable
{
    private const string ReminderName = "export";
    private DurableRetry? _retry;
    private bool _running;

    private string Target => KeyParts(this.GetPrimaryKeyString()).Target;
    private string SessionId => KeyParts(this.GetPrimaryKeyString()).SessionId;

    /// <summary>The target and the session id of an export's key, <c>{target}/{sessionId}</c>.</summary>
    public static (string Target, string SessionId) KeyParts(string key) => key.Split('/', 2) is [var target, var session] ? (target, session) : (key, "");

    private DurableRetry Retry => _retry ??= new(this, ReminderName, options.Value.ReminderPeriod, OnReminderTickAsync, () => IsPending, logger);

    private bool IsPending => state.RecordExists && state.State.Phase == ExportState.Pending;

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (IsPending)
        {
            ScheduleAttempt(state.State.NextAttemptAt is { } due && due > time.GetUtcNow() ? due - time.GetUtcNow() : TimeSpan.Zero);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Retry.OnDeactivateAsync();

    /// <inheritdoc />
    public async Task StartAsync(SessionSnapshot? session = null)
    {
        if (!state.RecordExists)
        {
            // Nothing is stored before the first attempt's outcome (no "accepted" write nobody reads back): a silo lost
            // meanwhile leaves the caller's event unacknowledged, its redelivery starts the export afresh, and the
            // targets find by name what the lost attempt delivered.
            state.State.Phase = ExportState.Pending;
            state.State.CreatedAt = state.State.UpdatedAt = time.GetUtcNow();
            state.State.TraceParent = Activity.Current?.Id;
            await AttemptAsync(firstAttempt: true, session, CancellationToken.None);
            return;
        }

        // A repeated start is a redelivery after a failure: it repairs what a silo lost between the state write and
        // the steps after it (the listing row, the retry reminder, the attempt timer), each idempotent.
        if (state.State.Phase == ExportState.Pending)
        {
            await Retry.RegisterAsync();
            if (!_running && !Retry.AttemptScheduled)
            {
                ScheduleAttempt(TimeSpan.Zero);
            }
        }
        else
        {
            await listings.RecordExportAsync(Summary());
        }
    }

    /// <inheritdoc />
    public Task<ExportStatus> GetStatusAsync() => Task.FromResult(new ExportStatus
    {
        Target = Target,
        SessionId = SessionId,
        State = state.State.Phase,
        Attempts = state.State.Attempts,
        LastError = state.State.LastError,
        Delivered = new Dictionary<string, string>(state.State.Delivered),
        Record = state.State.Record,
        CreatedAt = state.State.CreatedAt,
        UpdatedAt = state.State.UpdatedAt,
        NextAttemptAt = state.State.Phase == ExportState.Pending ? state.State.NextAttemptAt : null,
    });

    /// <inheritdoc />
    public async Task RetryAsync()
    {
        if (!state.RecordExists || state.State.Phase != ExportState.Failed)
        {
            throw new InvalidRequestException("export", $"the export of session {SessionId} to {Target} is {(state.RecordExists ? state.State.Phase : "not started")}; only a failed export can be retried");
        }

        state.State.Phase = ExportState.Pending;
        state.State.Attempts = 0;
        state.State.NextAttemptAt = null;
        state.State.UpdatedAt = time.GetUtcNow();
        state.State.TraceParent = Activity.Current?.Id;
        await SaveAsync();
        ScheduleAttempt(TimeSpan.Zero);
        await Retry.RegisterOrStandInAsync();
    }

    /// <inheritdoc />
    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (!state.RecordExists)
        {
            return Retry.UnregisterAsync();
        }

        Retry.ReminderHeld();
        return OnReminderTickAsync();
    }

    // A reminder tick (or the stand-in timer's while the reminder could not be registered): the next attempt now, unless
    // one runs or is due; an export that is over outlived its reminder only when the silo died right after the final
    // state write, possibly before the listing write: the listing catches up, then the reminder goes.
    private async Task OnReminderTickAsync()
    {
        if (IsPending)
        {
            if (!_running && !Retry.AttemptScheduled)
            {
                ScheduleAttempt(TimeSpan.Zero);
            }

            return;
        }

        if (state.RecordExists)
        {
            await listings.RecordExportAsync(Summary());
        }

        await Retry.UnregisterAsync();
    }

    private void ScheduleAttempt(TimeSpan delay) => Retry.Schedule(delay, token => AttemptAsync(firstAttempt: false, session: null, token));

    /// <param name="firstAttempt">The attempt <see cref="StartAsync"/> runs on a fresh export: no reminder exists yet
    /// (only a failed attempt registers one), so none is looked up to be unregistered.</param>
    /// <param name="session">The session as <see cref="StartAsync"/>'s caller read it, or null to read it now.</param>
    /// <param name="cancellationToken">The timer's token, or none for the first attempt.</param>
    private async Task AttemptAsync(bool firstAttempt, SessionSnapshot? session, CancellationToken cancellationToken)
    {
        if (_running || state.State.Phase != ExportState.Pending)
        {
            return;
        }

        _running = true;
        using var scope = LogScopes.Export(logger, Target, SessionId);
        using var activity = StartAttemptActivity();
        var started = Stopwatch.GetTimestamp();
        var outcome = "failure";
        try
        {
            state.State.Attempts++;
            await DeliverAsync(session, cancellationToken);
            state.State.Phase = ExportState.Done;
            state.State.LastError = null;
            state.State.UpdatedAt = time.GetUtcNow();
            await SaveAsync();
            outcome = "success";
            if (!firstAttempt)
            {
                await Retry.UnregisterAsync();
            }
        }
        catch (Exception failure) when (failure is not InconsistentStateException)
        {
            var code = TelemetryErrors.TypeOf(failure);
            activity?.SetTag(TelemetryTags.ErrorType, code);
            activity?.SetStatus(ActivityStatusCode.Error, code);
            await RecordFailureAsync(failure, code, firstAttempt);
        }
        finally
        {
            _running = false;
            var tags = new TagList { { TelemetryTags.Target, Target }, { TelemetryTags.Outcome, outcome } };
            activity?.SetTag(TelemetryTags.Outcome, outcome);
            IntegrationMetrics.ExportAttempts.Add(1, tags);
            IntegrationMetrics.ExportDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
        }
    }

    private async Task DeliverAsync(SessionSnapshot? given, CancellationToken cancellationToken)
    {
        // Resolved per attempt, not held: the targets hold each CRM's client (an HttpClient apiece), and an export stays
        // active long after its last attempt.
        var target = ServiceProvider.GetRequiredService<ExportTargets>().Find(Target)
            ?? throw new InvalidOperationException($"No export target '{Target}' is installed on this silo.");
        var session = given ?? await GrainFactory.GetGrain<ISessionGrain>(SessionId).GetAsync();
        var (items, destination) = await target.PlanAsync(session, cancellationToken);
        state.State.Record = destination;
        foreach (var item in items.Where(i => !state.State.Delivered.ContainsKey(i.Key)))
        {
            var kind = item.Key.Split('-')[0];
            using (var delivery = ClarityConnectTelemetry.ActivitySource.StartActivity("deliver " + kind))
            {
                delivery?.SetTag(TelemetryTags.ItemKind, kind);
                state.State.Delivered[item.Key] = await target.DeliverAsync(session, item, cancellationToken);
            }

            // No write per item: the attempt's outcome stores every item delivered so far, and an item whose record a
            // lost silo took with it is found by name at the target on the next attempt.
            IntegrationMetrics.ExportItems.Add(1, new TagList { { TelemetryTags.Target, Target }, { TelemetryTags.ItemKind, kind } });
            state.State.UpdatedAt = time.GetUtcNow();
        }
    }

    private async Task RecordFailureAsync(Exception failure, string code, bool firstAttempt)
    {
        var settings = options.Value;
        state.State.LastError = failure.Message;
        state.State.UpdatedAt = time.GetUtcNow();
        var parked = state.State.Attempts >= settings.MaxAttempts;
        logger.LogWarning("Export of session {SessionId} to {Target} failed (attempt {Attempt}{Parked}): {Reason}",
            SessionId, Target, state.State.Attempts, parked ? ", parked as failed" : "", failure.Message);
        if (parked)
        {
            state.State.Phase = ExportState.Failed;
            state.State.NextAttemptAt = null;
            IntegrationMetrics.ExportsParked.Add(1, new TagList { { TelemetryTags.Target, Target }, { TelemetryTags.ErrorType, code } });
        }
        else
        {
            var delay = RetryBackoff.After(state.State.Attempts, settings);
            state.State.NextAttemptAt = time.GetUtcNow() + delay;
            ScheduleAttempt(delay);
        }

        // The state first, then the reminder: a silo lost between the two leaves a pending export that the caller's
        // redelivered event (first attempt) or the reminder itself (later attempts) picks up again; a registration that
        // fails leaves the stand-in timer retrying it beside the attempts.
        await SaveAsync();
        if (!parked)
        {
            await Retry.RegisterOrStandInAsync();
        }
        else if (!firstAttempt)
        {
            await Retry.UnregisterAsync();
        }
    }

    // An attempt runs from a timer, long after the call that completed the session: it is a child of that call's trace
    // (stored with the export), so one trace shows the call from the client through the session to its export.
    private Activity? StartAttemptActivity()
    {
        ActivityContext.TryParse(state.State.TraceParent, null, out var parent);
        var activity = ClarityConnectTelemetry.ActivitySource.StartActivity("export " + Target, ActivityKind.Internal, parent);
        activity?.SetTag(TelemetryTags.Target, Target);
        activity?.SetTag(TelemetryTags.SessionId, SessionId);
        activity?.SetTag("clarityconnect.export.attempt", state.State.Attempts + 1);
        return activity;
    }

    /// <summary>Stores the state, then the export's line in the listing.</summary>
    private async Task SaveAsync()
    {
        await state.WriteStateAsync();
        await listings.RecordExportAsync(Summary());
    }

    private ExportSummary Summary() => new()
    {
        Target = Target,
        SessionId = SessionId,
        State = state.State.Phase,
        Attempts = state.State.Attempts,
        LastError = state.State.LastError,
        CreatedAt = state.State.CreatedAt ?? time.GetUtcNow(),
        UpdatedAt = state.State.UpdatedAt ?? time.GetUtcNow(),
    };
}
