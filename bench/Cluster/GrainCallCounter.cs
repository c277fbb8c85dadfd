using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace ClarityConnect.Bench.Cluster;

/// <summary>
/// Counts every grain call the silo handles (client calls and grain-to-grain calls alike, stream deliveries and
/// pub-sub lookups included), in total and by <c>interface.method</c>, so a run can say where its calls come from.
/// </summary>
public sealed class GrainCallCounter : IIncomingGrainCallFilter
{
    private readonly ConcurrentDictionary<(string Interface, string Method), StrongBox<long>> _byMethod = new();
    private long _calls;

    /// <summary>Calls handled so far.</summary>
    public long Calls => Interlocked.Read(ref _calls);

    /// <summary>The calls so far by <c>interface.method</c>.</summary>
    public Dictionary<string, long> Snapshot() =>
        _byMethod.ToDictionary(c => $"{c.Key.Interface}.{c.Key.Method}", c => Interlocked.Read(ref c.Value.Value), StringComparer.Ordinal);

    /// <inheritdoc />
    public Task Invoke(IIncomingGrainCallContext context)
    {
        Interlocked.Increment(ref _calls);
        // The names are interned by Orleans' generated invokers: the key allocates nothing per call.
        var key = (context.InterfaceName ?? "?", context.MethodName ?? "?");
        Interlocked.Increment(ref _byMethod.GetOrAdd(key, _ => new StrongBox<long>()).Value);
        return context.Invoke();
    }
}
