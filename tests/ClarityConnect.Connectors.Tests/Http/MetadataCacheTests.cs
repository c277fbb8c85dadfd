using ClarityConnect.Connectors.Http;
using ClarityConnect.Connectors.Tests.Dataverse;

namespace ClarityConnect.Connectors.Tests.Http;

public sealed class MetadataCacheTests
{
    [Fact]
    public async Task Entries_are_reused_until_they_expire()
    {
        var clock = new ShiftedTimeProvider();
        var cache = new MetadataCache(clock);
        var loads = 0;
        Task<string> Load() => Task.FromResult($"describe {++loads}");

        Assert.Equal("describe 1", await cache.GetOrAddAsync("Contact", TimeSpan.FromMinutes(5), Load));
        Assert.Equal("describe 1", await cache.GetOrAddAsync("contact", TimeSpan.FromMinutes(5), Load));
        clock.Offset = TimeSpan.FromMinutes(6);
        Assert.Equal("describe 2", await cache.GetOrAddAsync("Contact", TimeSpan.FromMinutes(5), Load));
    }

    [Fact]
    public async Task The_cache_never_holds_more_than_its_capacity()
    {
        var cache = new MetadataCache(TimeProvider.System);

        for (var i = 0; i < MetadataCache.Capacity * 3; i++)
        {
            await cache.GetOrAddAsync($"Object{i}__c", TimeSpan.FromMinutes(5 + i), () => Task.FromResult("describe"));
        }

        Assert.Equal(MetadataCache.Capacity, cache.Count);
        var reloaded = false;
        await cache.GetOrAddAsync($"Object{(MetadataCache.Capacity * 3) - 1}__c", TimeSpan.FromMinutes(5), () => { reloaded = true; return Task.FromResult("describe"); });
        Assert.False(reloaded);
    }

    [Theory]
    [InlineData(503, "503 Service Unavailable")]
    [InlineData(429, "429 Too Many Requests")]
    [InlineData(400, "400 Bad Request")]
    [InlineData(599, "599")]
    public void Statuses_read_as_their_reason_phrases(int status, string text) =>
        Assert.Equal(text, HttpStatusText.Of((System.Net.HttpStatusCode)status));
}
