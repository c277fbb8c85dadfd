namespace ClarityConnect.Abstractions.Events;

/// <summary>Receives every change event of one session or agent for Virtual Observer (CSI).</summary>
public interface ICsiPusherGrain : IChangeConsumerGrain;
