using ClarityConnect.Abstractions.Listings;
using Orleans.Concurrency;

namespace ClarityConnect.Grains.Listings;

/// <summary>Answers listing queries from <see cref="IListingStore"/> on whichever silo the call lands.</summary>
[StatelessWorker]
public sealed class ListingGrain(IListingStore store) : Grain, IListingGrain
{
    /// <inheritdoc />
    public Task<ListingPage<SessionSummary>> ListSessionsAsync(SessionQuery query) => store.ListSessionsAsync(query, CancellationToken.None);

    /// <inheritdoc />
    public Task<ListingPage<ExportSummary>> ListExportsAsync(ExportQuery query) => store.ListExportsAsync(query, CancellationToken.None);

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ListQueuesAsync(int limit) =>
        limit is < 1 or > 1000
            ? throw new ArgumentOutOfRangeException(nameof(limit), limit, "must be from 1 to 1000")
            : store.ListQueuesAsync(limit, CancellationToken.None);

    /// <inheritdoc />
    public Task CheckStorageAsync() => store.PingAsync(CancellationToken.None);
}
