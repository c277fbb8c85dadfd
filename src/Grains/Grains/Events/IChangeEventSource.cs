using ClarityConnect.Abstractions.Events;

namespace ClarityConnect.Grains.Events;

/// <summary>
/// The producer side of change events, called back by consumers through <see cref="ChangeEvent.Source"/> (session and
/// agent grains implement it).
/// </summary>
public interface IChangeEventSource : IGrainWithStringKey
{
    /// <summary><paramref name="consumer"/> has handled every event up to <paramref name="sequence"/>, and its handlers' work is durable.</summary>
    Task AcknowledgeAsync(string consumer, long sequence);

    /// <summary>
    /// What <paramref name="consumer"/> acknowledged, and the events after <paramref name="afterSequence"/> it has not
    /// acknowledged, in order: used to fill a gap, and by a consumer activation to learn where it stands.
    /// </summary>
    Task<PendingChanges> GetPendingAsync(string consumer, long afterSequence);
}
