using ClarityConnect.Abstractions.Events;
using ClarityConnect.Grains.Events;

namespace ClarityConnect.Grains.Tests;

/// <summary>The change-event consumers a stream is routed to (<see cref="ChangeEventRouting.ConsumersOf"/>), as grains.</summary>
public static class StreamConsumers
{
    /// <summary>The names of the consumers of <paramref name="key"/>'s kind.</summary>
    public static IReadOnlyList<string> Of(string key) => ChangeEventRouting.ConsumersOf(ChangeStreams.NamespaceOf(key));

    /// <summary>The consumer grain <paramref name="consumer"/> of <paramref name="key"/>; calling it activates it.</summary>
    public static IChangeConsumerGrain Grain(IGrainFactory grains, string consumer, string key) => consumer switch
    {
        ChangeConsumers.Csi => grains.GetGrain<ICsiPusherGrain>(key),
        ChangeConsumers.Crm => grains.GetGrain<ICrmExporterGrain>(key),
        _ => throw new ArgumentOutOfRangeException(nameof(consumer), consumer, "not a change-event consumer"),
    };

    /// <summary>Whether every consumer of <paramref name="key"/> handled exactly (or, with <paramref name="atLeast"/>, at least) up to <paramref name="sequence"/>.</summary>
    public static async Task<bool> HandledAsync(IGrainFactory grains, string key, long sequence, bool atLeast = true)
    {
        foreach (var consumer in Of(key))
        {
            var handled = (await Grain(grains, consumer, key).GetProgressAsync()).HandledSequence;
            if (atLeast ? handled < sequence : handled != sequence)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Completes once every consumer of <paramref name="key"/> handled at least up to <paramref name="sequence"/>.</summary>
    public static Task WaitHandledAsync(IGrainFactory grains, string key, long sequence) =>
        Eventually.TrueAsync(() => HandledAsync(grains, key, sequence), $"{key} is handled up to {sequence}");
}
