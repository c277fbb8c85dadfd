using ClarityConnect.Abstractions.Events;

namespace ClarityConnect.Grains.Tests;

/// <summary>Waits for the two change-event consumers of a stream.</summary>
public static class BothConsumers
{
    /// <summary>Completes once the CSI pusher and the CRM exporter of <paramref name="key"/> handled at least up to <paramref name="sequence"/>.</summary>
    public static Task HandledAsync(IGrainFactory grains, string key, long sequence) =>
        Eventually.TrueAsync(async () =>
            (await grains.GetGrain<ICsiPusherGrain>(key).GetProgressAsync()).HandledSequence >= sequence
            && (await grains.GetGrain<ICrmExporterGrain>(key).GetProgressAsync()).HandledSequence >= sequence,
            $"{key} is handled up to {sequence}");
}
