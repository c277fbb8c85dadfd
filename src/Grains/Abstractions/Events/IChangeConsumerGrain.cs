namespace ClarityConnect.Abstractions.Events;

/// <summary>A consumer of one entity's change events (key = the stream key). Handles each event once, in order.</summary>
public interface IChangeConsumerGrain : IGrainWithStringKey
{
    /// <summary>What the consumer has handled so far.</summary>
    Task<ConsumerProgress> GetProgressAsync();
}
