using System.Collections.Concurrent;
using ClarityConnect.Abstractions.Events;
using ClarityConnect.Grains.Events;

namespace ClarityConnect.Grains.Tests;

/// <summary>Records, process-wide, which events each consumer handled for each entity, in the order handled.</summary>
public sealed class RecordingChangeHandler(string consumer) : IChangeEventHandler
{
    private static readonly ConcurrentDictionary<(string Consumer, string StreamKey), List<ChangeEvent>> Handled = new();

    private static readonly ConcurrentDictionary<(string Consumer, string StreamKey, long Sequence), bool> FailOnce = new();

    private static readonly ConcurrentDictionary<(string Consumer, string StreamKey, long Sequence), bool> FailAlways = new();

    private static readonly ConcurrentDictionary<(string Consumer, string StreamKey, long Sequence), int> Attempted = new();

    /// <summary>Makes the next attempt of <paramref name="consumer"/> to handle that event fail, as a remote outage would.</summary>
    public static void FailNextAttempt(string consumer, string streamKey, long sequence) => FailOnce[(consumer, streamKey, sequence)] = true;

    /// <summary>Makes every attempt of <paramref name="consumer"/> to handle that event fail until <see cref="Recover"/>, as a long outage would.</summary>
    public static void FailUntilRecovered(string consumer, string streamKey, long sequence) => FailAlways[(consumer, streamKey, sequence)] = true;

    /// <summary>Ends the outage set by <see cref="FailUntilRecovered"/>.</summary>
    public static void Recover(string consumer, string streamKey, long sequence) => FailAlways.TryRemove((consumer, streamKey, sequence), out _);

    /// <summary>Whether the failure set by <see cref="FailNextAttempt"/> still waits for an attempt.</summary>
    public static bool FailureArmed(string consumer, string streamKey, long sequence) => FailOnce.ContainsKey((consumer, streamKey, sequence));

    /// <summary>How many times <paramref name="consumer"/> tried that event, failed attempts included.</summary>
    public static int Attempts(string consumer, string streamKey, long sequence) => Attempted.GetValueOrDefault((consumer, streamKey, sequence));

    public Task HandleAsync(ChangeEvent change, CancellationToken cancellationToken)
    {
        Attempted.AddOrUpdate((consumer, change.StreamKey, change.Sequence), 1, (_, n) => n + 1);
        if (FailOnce.TryRemove((consumer, change.StreamKey, change.Sequence), out _) || FailAlways.ContainsKey((consumer, change.StreamKey, change.Sequence)))
        {
            throw new HttpRequestException("simulated outage");
        }

        var list = Handled.GetOrAdd((consumer, change.StreamKey), _ => []);
        lock (list)
        {
            list.Add(change);
        }

        return Task.CompletedTask;
    }

    /// <summary>The events <paramref name="consumer"/> handled for <paramref name="streamKey"/>, in order.</summary>
    public static List<ChangeEvent> HandledBy(string consumer, string streamKey)
    {
        var list = Handled.GetOrAdd((consumer, streamKey), _ => []);
        lock (list)
        {
            return list.ToList();
        }
    }
}
