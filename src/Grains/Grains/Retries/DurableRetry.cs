using Microsoft.Extensions.Logging;

namespace ClarityConnect.Grains.Retries;

/// <summary>
/// How a grain keeps retrying durable work it cannot finish now (an export, a queue of events for CSI, an interval's
/// file, unacknowledged change events): a one-shot grain timer runs the next attempt when its backoff
/// (<see cref="RetryBackoff"/>) elapses, and a reminder is the safety net that brings the grain back after its silo
/// died. The reminder is registered only while work is pending, once per activation, and each grain decides when it
/// goes (at once, or after a retention).
/// </summary>
/// <remarks>
/// A registration can fail after the work it protects was stored (the reminder table did not answer while a dead
/// silo's range moved). The work then has nothing to bring it back, so a stand-in timer that keeps the activation alive
/// does the reminder's job every reminder period: it runs the grain's tick and retries the
/// registration until one holds or nothing is pending any more.
/// </remarks>
/// <param name="grain">The grain whose reminder and timers these are.</param>
/// <param name="reminderName">The reminder's name, unique within the grain.</param>
/// <param name="reminderPeriod">How often the reminder ticks (from the grain's options).</param>
/// <param name="tick">What the grain does on a reminder tick; the stand-in timer runs it too.</param>
/// <param name="hasPendingWork">Whether the grain still holds work a reminder must protect.</param>
/// <param name="logger">The grain's logger.</param>
public sealed class DurableRetry(
    IGrainBase grain,
    string reminderName,
    TimeSpan reminderPeriod,
    Func<Task> tick,
    Func<bool> hasPendingWork,
    ILogger logger)
{
    // The registration this activation holds: completed when the reminder is known to be registered, in flight while
    // it is being registered (every caller waits for the same one), null when it is not held.
    private Task? _registration;
    private IGrainTimer? _next;
    private IGrainTimer? _standIn;

    /// <summary>Whether this activation holds the reminder (registered, or being registered).</summary>
    public bool HoldsReminder => _registration is not null;

    /// <summary>Whether a one-shot attempt is scheduled and has not started yet.</summary>
    public bool AttemptScheduled => _next is not null;

    /// <summary>Whether the stand-in timer is doing the reminder's job because a registration failed.</summary>
    public bool StandingIn => _standIn is not null;

    /// <summary>Schedules <paramref name="attempt"/> once after <paramref name="delay"/>, replacing an attempt not started yet.</summary>
    public void Schedule(TimeSpan delay, Func<CancellationToken, Task> attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        _next?.Dispose();
        IGrainTimer? timer = null;
        timer = grain.RegisterGrainTimer(
            async token =>
            {
                // Disposing the timer now would cancel this very callback's token: it goes once the attempt is over.
                using var firing = timer;
                if (_next == timer)
                {
                    _next = null;
                }

                await attempt(token);
            },
            new GrainTimerCreationOptions(delay < TimeSpan.Zero ? TimeSpan.Zero : delay, Timeout.InfiniteTimeSpan) { KeepAlive = true });
        _next = timer;
    }

    /// <summary>Records that the reminder is registered: the activation found work stored under it, or it ticked.</summary>
    public void ReminderHeld() => _registration = Task.CompletedTask;

    /// <summary>Records whether the reminder is registered by asking the reminder service (one read, no write).</summary>
    public async Task LookUpReminderAsync()
    {
        if (await grain.GetReminder(reminderName) is not null)
        {
            ReminderHeld();
        }
    }

    /// <summary>
    /// Registers the reminder unless this activation holds it; concurrent callers share one registration. Throws when
    /// it fails, for work that is accepted only once its reminder is registered.
    /// </summary>
    public async Task RegisterAsync()
    {
        var registration = _registration ??= grain.RegisterOrUpdateReminder(reminderName, reminderPeriod, reminderPeriod);
        try
        {
            await registration;
        }
        catch
        {
            if (_registration == registration)
            {
                _registration = null;
            }

            throw;
        }

        StopStandingIn();
    }

    /// <summary>
    /// Registers the reminder for work already stored; a failure does not propagate (the work stands) but starts the
    /// stand-in timer until a registration holds.
    /// </summary>
    public async Task RegisterOrStandInAsync()
    {
        try
        {
            await RegisterAsync();
        }
        catch (Exception failure)
        {
            logger.LogError(failure, "Registering the reminder {Reminder} of {Grain} failed; retrying it every {Period}", reminderName, grain.GrainContext.GrainId, reminderPeriod);
            _standIn ??= grain.RegisterGrainTimer(StandInAsync, new GrainTimerCreationOptions(reminderPeriod, reminderPeriod) { KeepAlive = true });
        }
    }

    /// <summary>Removes the reminder (when it exists) and the stand-in timer.</summary>
    public async Task UnregisterAsync()
    {
        StopStandingIn();
        _registration = null;
        if (await grain.GetReminder(reminderName) is { } reminder)
        {
            await grain.UnregisterReminder(reminder);
        }
    }

    /// <summary>
    /// The activation is going: pending work the stand-in timer was keeping alive gets a last registration attempt (a
    /// later activation finds the work in any case, but only the reminder makes one happen when nobody calls the grain).
    /// </summary>
    public async Task OnDeactivateAsync()
    {
        if (_standIn is not null && hasPendingWork())
        {
            await TryRegisterAsync();
        }
    }

    private async Task StandInAsync()
    {
        await tick();
        if (!hasPendingWork() || await TryRegisterAsync())
        {
            StopStandingIn();
        }
    }

    private async Task<bool> TryRegisterAsync()
    {
        try
        {
            await RegisterAsync();
            return true;
        }
        catch (Exception failure)
        {
            logger.LogError(failure, "Registering the reminder {Reminder} of {Grain} failed again", reminderName, grain.GrainContext.GrainId);
            return false;
        }
    }

    private void StopStandingIn()
    {
        _standIn?.Dispose();
        _standIn = null;
    }
}
