namespace ClarityConnect.Grains.Batching;

/// <summary>
/// How a <see cref="GroupCommit{T}"/> forms batches. Each user binds its own named instance, named after its
/// configuration section (<see cref="Csi.CsiPushHandler.Section"/>, <see cref="Listings.ListingWriter.Section"/>).
/// </summary>
public sealed class GroupCommitOptions
{
    /// <summary>At most this many items per commit.</summary>
    public int MaxBatchSize { get; set; } = 256;

    /// <summary>
    /// The longest an item waits for companions before its batch is committed; zero commits at once (batches then form
    /// only while an earlier commit runs). Every caller waits this long at most on top of the commit itself.
    /// </summary>
    public TimeSpan Linger { get; set; } = TimeSpan.FromMilliseconds(5);
}
