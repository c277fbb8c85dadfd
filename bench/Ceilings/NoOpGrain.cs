namespace ClarityConnect.Bench.Ceilings;

/// <summary>The no-op grain the grain-call ceiling is measured with.</summary>
public sealed class NoOpGrain : Grain, INoOpGrain
{
    /// <inheritdoc />
    public Task PingAsync() => Task.CompletedTask;
}
