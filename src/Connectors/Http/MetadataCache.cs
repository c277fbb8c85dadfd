using System.Collections.Concurrent;

namespace ClarityConnect.Connectors.Http;

/// <summary>
/// A silo's cache of a CRM's metadata (Salesforce describes, Dataverse entity definitions, columns and relationships):
/// each entry expires after the connector's cache duration, and at most <see cref="Capacity"/> entries are kept, so an
/// org with thousands of objects, or a builder user browsing them, cannot make it grow without bound.
/// </summary>
public class MetadataCache(TimeProvider timeProvider)
{
    /// <summary>The most entries kept; beyond it expired entries go first, then those closest to expiring.</summary>
    public const int Capacity = 512;

    private readonly ConcurrentDictionary<string, (DateTimeOffset Expires, object Value)> entries = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock evicting = new();

    /// <summary>How many entries are held now (expired ones included until they are evicted).</summary>
    public int Count => entries.Count;

    /// <summary>The cached value for <paramref name="key"/> if it has not expired, else what <paramref name="load"/> returns,
    /// kept for <paramref name="duration"/> (not at all when it is zero).</summary>
    public async Task<T> GetOrAddAsync<T>(string key, TimeSpan duration, Func<Task<T>> load)
        where T : class
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(load);
        if (entries.TryGetValue(key, out var entry) && entry.Expires > timeProvider.GetUtcNow() && entry.Value is T cached)
        {
            return cached;
        }

        var value = await load().ConfigureAwait(false);
        if (duration > TimeSpan.Zero)
        {
            var now = timeProvider.GetUtcNow();
            MakeRoom(key, now);
            entries[key] = (now + duration, value);
        }

        return value;
    }

    /// <summary>Forgets every entry.</summary>
    public void Clear() => entries.Clear();

    private void MakeRoom(string key, DateTimeOffset now)
    {
        if (entries.Count < Capacity || entries.ContainsKey(key))
        {
            return;
        }

        lock (evicting)
        {
            foreach (var expired in entries.Where(e => e.Value.Expires <= now).Select(e => e.Key).ToList())
            {
                entries.TryRemove(expired, out _);
            }

            foreach (var soonest in entries.OrderBy(e => e.Value.Expires).Take(entries.Count - Capacity + 1).Select(e => e.Key).ToList())
            {
                entries.TryRemove(soonest, out _);
            }
        }
    }
}

/// <summary>The <see cref="MetadataCache"/> of one connector (a singleton per <typeparamref name="TConnector"/>, shared by both lanes).</summary>
/// <typeparam name="TConnector">The connector's client type.</typeparam>
public sealed class MetadataCache<TConnector>(TimeProvider timeProvider) : MetadataCache(timeProvider);
