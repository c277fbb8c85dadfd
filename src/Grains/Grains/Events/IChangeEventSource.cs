using ClarityConnect.Abstractions.Events;

namespace ClarityConnect.Grains.Events;

/// <summary>The producer side of change events, called back by consumers (session and agent grains implement it).</summary>
public interface IChangeEventSource : IGrainWithStringKey
{
    /// <summary><paramref name="consumer"/> has handled every event up to <paramref name="sequence"/>.</summary>
    Task AcknowledgeAsync(string consumer, long sequence);

    /// <summary>The events after <paramref name="afterSequence"/> that <paramref name="consumer"/> has not acknowledged, in order (used to fill a gap).</summary>
    Task<List<ChangeEvent>> GetPendingAsync(string consumer, long afterSequence);
}
