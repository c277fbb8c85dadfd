using ClarityConnect.Abstractions.Events;

namespace ClarityConnect.Grains.Events;

/// <summary>
/// The change events an entity produced that not every consumer has acknowledged yet. It lives inside the entity's
/// grain state, so an event is written in the same storage write as the transition that produced it.
/// Acknowledgements are kept in memory until the next write: losing them only causes a redelivery, which consumers drop.
/// </summary>
[GenerateSerializer]
public sealed class ChangeOutbox
{
    /// <summary>The sequence number of the latest event produced.</summary>
    [Id(0)] public long LastSequence { get; set; }

    /// <summary>Events not yet acknowledged by every consumer, oldest first.</summary>
    [Id(1)] public List<ChangeEvent> Pending { get; set; } = [];

    /// <summary>The highest sequence each consumer acknowledged.</summary>
    [Id(2)] public Dictionary<string, long> Acknowledged { get; set; } = [];

    /// <summary>The next sequence number to give an event.</summary>
    public long NextSequence => LastSequence + 1;

    /// <summary>Adds an event; its sequence must be <see cref="NextSequence"/>.</summary>
    public void Append(ChangeEvent change)
    {
        if (change.Sequence != NextSequence)
        {
            throw new InvalidOperationException($"Event sequence {change.Sequence} does not follow {LastSequence}.");
        }

        LastSequence = change.Sequence;
        Pending.Add(change);
    }

    /// <summary>
    /// Records that <paramref name="consumer"/> handled every event up to <paramref name="sequence"/>, and forgets
    /// events every one of <paramref name="consumers"/> (those routed this entity's kind) has handled.
    /// </summary>
    /// <returns>True when pending events were forgotten.</returns>
    public bool Acknowledge(string consumer, long sequence, IReadOnlyList<string> consumers)
    {
        if (!consumers.Contains(consumer) || Acknowledged.TryGetValue(consumer, out var previous) && previous >= sequence)
        {
            return false;
        }

        Acknowledged[consumer] = Math.Min(sequence, LastSequence);
        if (Acknowledged.Count > consumers.Count)
        {
            // Positions of consumers no longer routed this kind (stored before the routing by kind) only take room.
            foreach (var stale in Acknowledged.Keys.Where(c => !consumers.Contains(c)).ToList())
            {
                Acknowledged.Remove(stale);
            }
        }

        var handledByAll = consumers.Min(c => Acknowledged.GetValueOrDefault(c));
        return Pending.RemoveAll(e => e.Sequence <= handledByAll) > 0;
    }

    /// <summary>What <paramref name="consumer"/> acknowledged, and the pending events after <paramref name="afterSequence"/> it has not acknowledged, in order.</summary>
    public PendingChanges PendingFor(string consumer, long afterSequence)
    {
        var acknowledged = Acknowledged.GetValueOrDefault(consumer);
        var from = Math.Max(afterSequence, acknowledged);
        return new PendingChanges { Acknowledged = acknowledged, Events = Pending.Where(e => e.Sequence > from).ToList() };
    }
}
