namespace ClarityConnect.Grains.Csi;

/// <summary>One of the durable queues that batch change events to CSI (key = queue number).</summary>
public interface ICsiEventQueueGrain : IGrainWithStringKey
{
    /// <summary>Accepts an event durably; it is sent with the next batch.</summary>
    Task EnqueueAsync(CsiQueuedEvent change);

    /// <summary>How many events wait for CSI.</summary>
    Task<int> GetPendingCountAsync();
}
