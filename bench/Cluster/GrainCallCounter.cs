namespace ClarityConnect.Bench.Cluster;

/// <summary>Counts every grain call the silo handles (client calls and grain-to-grain calls alike).</summary>
public sealed class GrainCallCounter : IIncomingGrainCallFilter
{
    private long _calls;

    /// <summary>Calls handled so far.</summary>
    public long Calls => Interlocked.Read(ref _calls);

    /// <inheritdoc />
    public Task Invoke(IIncomingGrainCallContext context)
    {
        Interlocked.Increment(ref _calls);
        return context.Invoke();
    }
}
