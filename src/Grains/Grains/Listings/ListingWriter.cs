using ClarityConnect.Abstractions.Listings;
using ClarityConnect.Grains.Batching;
using Microsoft.Extensions.Options;

namespace ClarityConnect.Grains.Listings;

/// <summary>
/// Writes the admin listing for one silo: lines recorded at about the same time (by many sessions' consumers and
/// exports) go to <see cref="IListingStore"/> together, as one multi-row upsert, instead of one write each. The listing
/// is a projection; it lags a transition by the consumer's delivery plus at most <see cref="GroupCommitOptions.Linger"/>
/// and one write (docs/operations.md).
/// </summary>
public sealed class ListingWriter
{
    /// <summary>The configuration section (and options name) of the listing's batches.</summary>
    public const string Section = "ClarityConnect:Listing:Writes";

    private readonly GroupCommit<SessionSummary> _sessions;
    private readonly GroupCommit<ExportSummary> _exports;

    /// <summary>Batches writes to <paramref name="store"/> as the named <see cref="GroupCommitOptions"/> <see cref="Section"/> say.</summary>
    public ListingWriter(IListingStore store, IOptionsMonitor<GroupCommitOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(store);
        var batches = options.Get(Section);
        _sessions = new GroupCommit<SessionSummary>(lines => store.RecordSessionsAsync(lines, CancellationToken.None), batches, time);
        _exports = new GroupCommit<ExportSummary>(lines => store.RecordExportsAsync(lines, CancellationToken.None), batches, time);
    }

    /// <summary>How many lines wait for a write to start.</summary>
    public int Waiting => _sessions.Waiting + _exports.Waiting;

    /// <summary>Records a session's change; completes once it is stored, throws when its batch was not.</summary>
    public Task RecordSessionAsync(SessionSummary session) => _sessions.AddAsync(session);

    /// <summary>Records an export's current state; completes once it is stored, throws when its batch was not.</summary>
    public Task RecordExportAsync(ExportSummary export) => _exports.AddAsync(export);
}
