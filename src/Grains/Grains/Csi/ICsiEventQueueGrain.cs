namespace ClarityConnect.Grains.Csi;

/// <summary>One of the durable queues that batch change events to CSI (key = queue number).</summary>
public interface ICsiEventQueueGrain : IGrainWithStringKey
{
    /// <summary>Accepts events durably (in one state write), in their order; they are sent with the next batches.</summary>
    Task EnqueueAsync(IReadOnlyList<CsiQueuedEvent> changes);

    /// <summary>How many events wait for CSI.</summary>
    Task<int> GetPendingCountAsync();
}
