namespace ClarityConnect.Connectors.Http;

/// <summary>
/// Collects the query texts the CRM clients send, only inside a <see cref="Watch"/> scope (the node builder's "Try node",
/// which shows the administrator the query actually sent). Outside a scope nothing is kept: queries hold caller data and
/// are never logged.
/// </summary>
public static class SentQueries
{
    private static readonly AsyncLocal<List<string>?> Current = new();

    /// <summary>Starts collecting in this async flow; dispose to stop. The list grows as the clients send queries.</summary>
    public static Scope Watch()
    {
        var queries = new List<string>();
        Current.Value = queries;
        return new Scope(queries);
    }

    /// <summary>Records <paramref name="query"/> when a scope is watching; called by the clients as they send it.</summary>
    public static void Record(string query)
    {
        if (Current.Value is { } queries)
        {
            lock (queries)
            {
                queries.Add(query);
            }
        }
    }

    /// <summary>A collection scope.</summary>
    public sealed class Scope(List<string> queries) : IDisposable
    {
        /// <summary>The queries sent so far, in order.</summary>
        public IReadOnlyList<string> Queries
        {
            get
            {
                lock (queries)
                {
                    return queries.ToList();
                }
            }
        }

        /// <inheritdoc />
        public void Dispose() => Current.Value = null;
    }
}
