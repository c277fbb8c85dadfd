using ClarityConnect.Abstractions.Listings;

namespace ClarityConnect.Grains.Listings;

/// <summary>
/// The queryable listing of sessions and exports, kept in the storage profile's database beside grain state (SQLite
/// or PostgreSQL). Writes are idempotent upserts, so a redelivered event or a repeated write changes nothing. The silo
/// writes through <see cref="ListingWriter"/>, which gathers concurrent lines into one write.
/// </summary>
public interface IListingStore
{
    /// <summary>
    /// Records sessions' latest changes in one write (one statement, one transaction); a session may appear several
    /// times. A change older (lower sequence) than the one stored is ignored; a session's start time is set once.
    /// </summary>
    Task RecordSessionsAsync(IReadOnlyList<SessionSummary> sessions, CancellationToken cancellationToken);

    /// <summary>Records exports' current states in one write; of an export listed several times, the last one counts.</summary>
    Task RecordExportsAsync(IReadOnlyList<ExportSummary> exports, CancellationToken cancellationToken);

    /// <summary>One page of sessions, latest started first.</summary>
    Task<ListingPage<SessionSummary>> ListSessionsAsync(SessionQuery query, CancellationToken cancellationToken);

    /// <summary>One page of exports, latest updated first.</summary>
    Task<ListingPage<ExportSummary>> ListExportsAsync(ExportQuery query, CancellationToken cancellationToken);

    /// <summary>The distinct queues of the listed sessions (each session's latest queue), in order, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<string>> ListQueuesAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Runs a trivial query; throws when the database cannot be reached.</summary>
    Task PingAsync(CancellationToken cancellationToken);
}
