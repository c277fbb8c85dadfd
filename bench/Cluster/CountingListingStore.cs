using ClarityConnect.Abstractions.Listings;
using ClarityConnect.Grains.Listings;

namespace ClarityConnect.Bench.Cluster;

/// <summary>Wraps the silo's admin listing store and counts its writes (session and export lines); otherwise changes nothing.</summary>
public sealed class CountingListingStore(IListingStore inner, DurableWriteCounter counter) : IListingStore
{
    /// <summary>The prefix of listing writes (<c>listing/session</c>, <c>listing/export</c>).</summary>
    public const string Listing = "listing";

    /// <inheritdoc />
    public async Task RecordSessionAsync(SessionSummary session, CancellationToken cancellationToken)
    {
        await inner.RecordSessionAsync(session, cancellationToken);
        counter.Count($"{Listing}/session");
    }

    /// <inheritdoc />
    public async Task RecordExportAsync(ExportSummary export, CancellationToken cancellationToken)
    {
        await inner.RecordExportAsync(export, cancellationToken);
        counter.Count($"{Listing}/export");
    }

    /// <inheritdoc />
    public Task<ListingPage<SessionSummary>> ListSessionsAsync(SessionQuery query, CancellationToken cancellationToken) => inner.ListSessionsAsync(query, cancellationToken);

    /// <inheritdoc />
    public Task<ListingPage<ExportSummary>> ListExportsAsync(ExportQuery query, CancellationToken cancellationToken) => inner.ListExportsAsync(query, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ListQueuesAsync(int limit, CancellationToken cancellationToken) => inner.ListQueuesAsync(limit, cancellationToken);

    /// <inheritdoc />
    public Task PingAsync(CancellationToken cancellationToken) => inner.PingAsync(cancellationToken);
}
