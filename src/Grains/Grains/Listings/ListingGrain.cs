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
    public Task CheckStorageAsync() => store.PingAsync(CancellationToken.None);
}
