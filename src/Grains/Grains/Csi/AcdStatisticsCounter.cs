using ClarityConnect.Abstractions.Events;
using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Abstractions.Sessions;
using Microsoft.Extensions.Options;

namespace ClarityConnect.Grains.Csi;

/// <summary>
/// Turns session events into ACD observations for the interval in which they happen: offered (queued), answered (with
/// its wait since queued), abandoned (with its wait), handled (active until wrap-up). Queues listed under "Disabled
/// Queues" and a toggle off count nothing.
/// </summary>
public sealed class AcdStatisticsCounter(IGrainFactory grains, IOptions<AcdOptions> options) : ICsiChangeWork
{
    /// <inheritdoc />
    public async Task HandleAsync(ChangeEvent change, CsiSettings settings)
    {
        if (change is not SessionChanged { Queue: { } queue } session
            || session.NewStatus is not (SessionStatus.Queued or SessionStatus.Active or SessionStatus.Abandoned or SessionStatus.WrapUp)
            || (session.NewStatus == SessionStatus.Active && session.OldStatus != SessionStatus.Ringing))
        {
            return;
        }

        if (!settings.SendAcdStatistics || settings.DisabledQueues.Contains(queue, StringComparer.OrdinalIgnoreCase))
        {
            return;
        }

        var (metric, duration) = session.NewStatus switch
        {
            SessionStatus.Queued => (AcdMetric.Offered, TimeSpan.Zero),
            SessionStatus.Active => (AcdMetric.Answered, session.Time - await SinceAsync(session, SessionStatus.Queued)),
            SessionStatus.Abandoned => (AcdMetric.Abandoned, session.Time - await SinceAsync(session, SessionStatus.Queued)),
            _ => (AcdMetric.Handled, session.Time - await SinceAsync(session, SessionStatus.Active)),
        };
        await grains.GetGrain<IAcdIntervalGrain>(AcdIntervalGrain.KeyOf(session.Time, options.Value.IntervalLength))
            .RecordAsync(new AcdObservation { Queue = queue, SessionId = session.EntityId, Metric = metric, Duration = duration < TimeSpan.Zero ? TimeSpan.Zero : duration });
    }

    // When the session first reached that status (the first time it was queued, the first time it was answered).
    private async Task<DateTimeOffset> SinceAsync(SessionChanged change, SessionStatus status)
    {
        var history = (await grains.GetGrain<ISessionGrain>(change.EntityId).GetAsync()).History;
        return history.FirstOrDefault(h => h.To == status)?.At ?? change.Time;
    }
}
