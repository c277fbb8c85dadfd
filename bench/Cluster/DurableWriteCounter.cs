using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace ClarityConnect.Bench.Cluster;

/// <summary>Counts durable writes (grain state writes and clears, reminder upserts and removals) by what they wrote.</summary>
public sealed class DurableWriteCounter
{
    /// <summary>The prefix of reminder-table writes (<c>reminders/{grain type}</c>).</summary>
    public const string Reminders = "reminders";

    private readonly ConcurrentDictionary<string, StrongBox<long>> _counts = new(StringComparer.Ordinal);

    /// <summary>Counts one write of <paramref name="category"/> (a grain state name, or <see cref="Reminders"/>).</summary>
    public void Count(string category) => Interlocked.Increment(ref _counts.GetOrAdd(category, _ => new StrongBox<long>()).Value);

    /// <summary>The counts so far.</summary>
    public Dictionary<string, long> Snapshot() => _counts.ToDictionary(c => c.Key, c => Interlocked.Read(ref c.Value.Value), StringComparer.Ordinal);

    /// <summary>All writes so far, except those of <paramref name="excluded"/>.</summary>
    public long Total(string? excluded = null) => _counts.Where(c => c.Key != excluded).Sum(c => Interlocked.Read(ref c.Value.Value));

    /// <summary>What was counted between two snapshots.</summary>
    public static Dictionary<string, long> Difference(Dictionary<string, long> before, Dictionary<string, long> after) =>
        after.Select(a => (a.Key, Value: a.Value - before.GetValueOrDefault(a.Key)))
            .Where(d => d.Value != 0)
            .OrderByDescending(d => d.Value)
            .ToDictionary(d => d.Key, d => d.Value, StringComparer.Ordinal);
}
