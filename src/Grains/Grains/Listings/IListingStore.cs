using ClarityConnect.Abstractions.Listings;

namespace ClarityConnect.Grains.Listings;

/// <summary>
/// The queryable listing of sessions and exports, kept in the storage profile's database beside grain state (SQLite
/// or PostgreSQL). Writes are idempotent upserts, so a redelivered event or a repeated write changes nothing.
/// </summary>
public interface IListingStore
{
    /// <summary>Records a session's latest change; an older change (lower sequence) than the stored one is ignored.</summary>
    Task RecordSessionAsync(SessionSummary session, CancellationToken cancellationToken);

    /// <summary>Records an export's current state.</summary>
    Task RecordExportAsync(ExportSummary export, CancellationToken cancellationToken);

    /// <summary>One page of sessions, latest started first.</summary>
    Task<ListingPage<SessionSummary>> ListSessionsAsync(SessionQuery query, CancellationToken cancellationToken);

    /// <summary>One page of exports, latest updated first.</summary>
    Task<ListingPage<ExportSummary>> ListExportsAsync(ExportQuery query, CancellationToken cancellationToken);

    /// <summary>The distinct queues of the listed sessions (each session's latest queue), in order, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<string>> ListQueuesAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Runs a trivial query; throws when the database cannot be reached.</summary>
    Task PingAsync(CancellationToken cancellationToken);
}
