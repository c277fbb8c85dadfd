namespace ClarityConnect.Bench.Ceilings;

/// <summary>A grain that does nothing: the ceiling of grain calls over the client path.</summary>
public interface INoOpGrain : IGrainWithStringKey
{
    /// <summary>Returns at once.</summary>
    Task PingAsync();
}
