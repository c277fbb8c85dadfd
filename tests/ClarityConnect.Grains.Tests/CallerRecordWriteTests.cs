using ClarityConnect.Abstractions.Nodes;
using ClarityConnect.Grains.Crm;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Providers;
using Orleans.Storage;
using Orleans.TestingHost;

namespace ClarityConnect.Grains.Tests;

/// <summary>
/// A repeat caller's fresh lookup that finds the stored match again soon after refreshes it in memory without a durable
/// write (issue 16: writes per life cycle); a different match, or the same one after <see cref="CallerRecordGrain.RewriteAfter"/>, is stored.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class CallerRecordWriteTests(CoreClusterFixture fixture)
{
    private static readonly CrmRecordLink Alice = new() { Integration = "salesforce", ObjectType = "Contact", RecordId = "003A", Name = "Alice", Url = new Uri("https://crm.example.com/003A") };
    private static readonly CrmRecordLink Bob = Alice with { RecordId = "003B", Name = "Bob", Url = new Uri("https://crm.example.com/003B") };

    [Fact]
    public async Task The_same_match_found_again_soon_is_refreshed_without_a_write_and_a_different_or_later_one_is_stored()
    {
        var caller = fixture.Grains.GetGrain<ICallerRecordGrain>("salesforce/" + Guid.NewGuid().ToString("n"));
        var start = DateTimeOffset.UtcNow;
        await RememberAsync(caller, Found(Alice, start, "s-1"));
        var first = await StoredAsync(caller);

        await RememberAsync(caller, Found(Alice, start.AddMinutes(1), "s-2"));
        var refreshed = await StoredAsync(caller);
        Assert.Equal((first.ETag, "s-1"), (refreshed.ETag, refreshed.SessionId));
        var recent = await caller.GetRecentAsync(TimeSpan.FromDays(1));
        Assert.Equal((start.AddMinutes(1), "s-2", Alice), (recent!.FoundAt, recent.SessionId, recent.Records.Single()));

        await RememberAsync(caller, Found(Bob, start.AddMinutes(2), "s-3"));
        var second = await StoredAsync(caller);
        Assert.NotEqual(first.ETag, second.ETag);
        Assert.Equal((Bob, "s-3"), (second.Records.Single(), second.SessionId));

        await RememberAsync(caller, Found(Bob, start.AddMinutes(2) + CallerRecordGrain.RewriteAfter, "s-4"));
        var third = await StoredAsync(caller);
        Assert.NotEqual(second.ETag, third.ETag);
        Assert.Equal("s-4", third.SessionId);
    }

    // Remembering is one-way: the grain answers a later read only after it finished remembering (it is not reentrant).
    private static async Task RememberAsync(ICallerRecordGrain caller, RememberedLookup lookup)
    {
        await caller.RememberAsync(lookup);
        await Eventually.TrueAsync(async () => (await caller.GetRecentAsync(TimeSpan.FromDays(1)))?.SessionId == lookup.SessionId,
            $"the caller record remembered {lookup.SessionId}");
    }

    private static RememberedLookup Found(CrmRecordLink record, DateTimeOffset at, string sessionId) => new()
    {
        FoundAt = at, SessionId = sessionId, Records = [record], ExtraItems = new Dictionary<string, string> { ["Salesforce.Name"] = record.Name! },
    };

    // The row as storage holds it: its ETag changes with every write.
    private async Task<(string? ETag, string? SessionId, IReadOnlyList<CrmRecordLink> Records)> StoredAsync(ICallerRecordGrain caller)
    {
        var silo = ((InProcessSiloHandle)fixture.Cluster.Primary!).SiloHost!.Services;
        var stored = new GrainState<CallerRecordState>();
        await silo.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME).ReadStateAsync("caller-record", caller.GetGrainId(), stored);
        return (stored.ETag, stored.State?.SessionId, stored.State?.Records ?? []);
    }
}
