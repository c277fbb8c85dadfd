using ClarityConnect.Abstractions.Events;
using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Abstractions.Sessions;
using Microsoft.Extensions.Options;

namespace ClarityConnect.Grains.Csi;

/// <summary>
/// Turns session events into ACD observations for the interval in which they happen: offered (queued), answered (with
/// its wait since queued), abandoned (with its wait), handled (active until wrap-up). Queues listed under "Disabled
/// Queues" and a toggle off count nothing. A batch's observations reach each interval in one call.
/// </summary>
public sealed class AcdStatisticsCounter(IGrainFactory grains, IOptions<AcdOptions> options) : ICsiPushWork
{
    /// <inheritdoc />
    public async Task HandleAsync(IReadOnlyList<ChangeEvent> changes, CsiSettings settings)
    {
        if (!settings.SendAcdStatistics)
        {
            return;
        }

        var counted = changes.OfType<SessionChanged>().Where(session => Counts(session, settings)).ToList();
        if (counted.Count == 0)
        {
            return;
        }

        var observations = await Task.WhenAll(counted.Select(async session => (session.Time, Observation: await ObserveAsync(session))));
        await Task.WhenAll(observations
            .GroupBy(o => AcdIntervalGrain.KeyOf(o.Time, options.Value.IntervalLength))
            .Select(interval => grains.GetGrain<IAcdIntervalGrain>(interval.Key).RecordAsync(interval.Select(o => o.Observation).ToList())));
    }

    private static bool Counts(SessionChanged session, CsiSettings settings) =>
        session is { Queue: { } queue }
        && session.NewStatus is SessionStatus.Queued or SessionStatus.Active or SessionStatus.Abandoned or SessionStatus.WrapUp
        && (session.NewStatus != SessionStatus.Active || session.OldStatus == SessionStatus.Ringing)
        && !settings.DisabledQueues.Contains(queue, StringComparer.OrdinalIgnoreCase);

    private async Task<AcdObservation> ObserveAsync(SessionChanged session)
    {

        var (metric, duration) = session.NewStatus switch
        {
            SessionStatus.Queued => (AcdMetric.Offered, TimeSpan.Zero),
            SessionStatus.Active => (AcdMetric.Answered, session.Time - await SinceAsync(session, SessionStatus.Queued)),
            SessionStatus.Abandoned => (AcdMetric.Abandoned, session.Time - await SinceAsync(session, SessionStatus.Queued)),
            _ => (AcdMetric.Handled, session.Time - await SinceAsync(session, SessionStatus.Active)),
        };
        return new AcdObservation { Queue = session.Queue!, SessionId = session.EntityId, Metric = metric, Duration = duration < TimeSpan.Zero ? TimeSpan.Zero : duration };
    }

    // When the session first reached that status (the first time it was queued, the first time it was answered).
    private async Task<DateTimeOffset> SinceAsync(SessionChanged change, SessionStatus status)
    {
        var history = (await grains.GetGrain<ISessionGrain>(change.EntityId).GetAsync()).History;
        return history.FirstOrDefault(h => h.To == status)?.At ?? change.Time;
    }
}
