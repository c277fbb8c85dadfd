using System.Collections.Concurrent;
using ClarityConnect.Abstractions.Events;
using ClarityConnect.Grains.Events;

namespace ClarityConnect.Grains.Tests;

/// <summary>Records, process-wide, which events each consumer handled for each entity, in the order handled.</summary>
public sealed class RecordingChangeHandler(string consumer) : IChangeEventHandler
{
    private static readonly ConcurrentDictionary<(string Consumer, string StreamKey), List<ChangeEvent>> Handled = new();

    private static readonly ConcurrentDictionary<(string Consumer, string StreamKey, long Sequence), bool> FailOnce = new();

    public string Consumer => consumer;

    /// <summary>Makes the next attempt of <paramref name="consumer"/> to handle that event fail, as a remote outage would.</summary>
    public static void FailNextAttempt(string consumer, string streamKey, long sequence) => FailOnce[(consumer, streamKey, sequence)] = true;

    /// <summary>Whether the failure set by <see cref="FailNextAttempt"/> still waits for an attempt.</summary>
    public static bool FailureArmed(string consumer, string streamKey, long sequence) => FailOnce.ContainsKey((consumer, streamKey, sequence));

    public Task HandleAsync(ChangeEvent change, CancellationToken cancellationToken)
    {
        if (FailOnce.TryRemove((consumer, change.StreamKey, change.Sequence), out _))
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
