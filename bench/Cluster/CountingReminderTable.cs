using Orleans.Runtime;

namespace ClarityConnect.Bench.Cluster;

/// <summary>Wraps the silo's reminder table and counts its writes (upserts and removals) by grain type; otherwise changes nothing.</summary>
public sealed class CountingReminderTable(IReminderTable inner, DurableWriteCounter counter) : IReminderTable
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken = default) => inner.StartAsync(cancellationToken);

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken = default) => inner.StopAsync(cancellationToken);

    /// <inheritdoc />
    public Task<ReminderTableData> ReadRows(GrainId grainId) => inner.ReadRows(grainId);

    /// <inheritdoc />
    public Task<ReminderTableData> ReadRows(uint begin, uint end) => inner.ReadRows(begin, end);

    /// <inheritdoc />
    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) => inner.ReadRow(grainId, reminderName);

    /// <inheritdoc />
    public async Task<string?> UpsertRow(ReminderEntry entry)
    {
        var etag = await inner.UpsertRow(entry);
        counter.Count($"{DurableWriteCounter.Reminders}/{entry.GrainId.Type}");
        return etag;
    }

    /// <inheritdoc />
    public async Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag)
    {
        var removed = await inner.RemoveRow(grainId, reminderName, eTag);
        counter.Count($"{DurableWriteCounter.Reminders}/{grainId.Type}");
        return removed;
    }

    /// <inheritdoc />
    public Task TestOnlyClearTable() => inner.TestOnlyClearTable();
}
