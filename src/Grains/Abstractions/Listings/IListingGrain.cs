namespace ClarityConnect.Abstractions.Listings;

/// <summary>
/// Lists sessions and exports for the admin API (the Sessions page, exports by state) from the queryable listing the
/// silos keep next to grain state. A stateless worker: any silo answers, key 0.
/// </summary>
/// <remarks>
/// The listing follows the grains: a session appears once its change events reach the CRM exporter, and an export as
/// soon as its state is stored. The grains stay the source of truth; open one for its details.
/// </remarks>
public interface IListingGrain : IGrainWithIntegerKey
{
    /// <summary>One page of sessions matching <paramref name="query"/>, latest started first.</summary>
    Task<ListingPage<SessionSummary>> ListSessionsAsync(SessionQuery query);

    /// <summary>One page of exports matching <paramref name="query"/>, latest updated first.</summary>
    Task<ListingPage<ExportSummary>> ListExportsAsync(ExportQuery query);

    /// <summary>
    /// The queues the cluster has seen: the distinct latest queue of the listed sessions, in ordinal order, at most
    /// <paramref name="limit"/> (1–1000). The System Configuration page offers them as "Disabled Queues".
    /// </summary>
    Task<IReadOnlyList<string>> ListQueuesAsync(int limit);

    /// <summary>Throws when the silo cannot reach its storage (the readiness check).</summary>
    Task CheckStorageAsync();
}
