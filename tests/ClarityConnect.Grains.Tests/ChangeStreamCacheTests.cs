using ClarityConnect.Abstractions.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace ClarityConnect.Grains.Tests;

/// <summary>
/// The change streams' cache forgets an event after <c>SiloBuilderExtensions.ChangeEventCacheRetention</c>, not
/// after Orleans' half hour: the outbox is what redelivers, so the cache holds only what is on its way (issue 16: memory).
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ChangeStreamCacheTests(CoreClusterFixture fixture)
{
    private static readonly TimeSpan Retention = ClarityConnect.Silo.Configuration.SiloBuilderExtensions.ChangeEventCacheRetention;

    [Fact]
    public void The_change_stream_cache_keeps_events_for_the_retention_only()
    {
        var silo = ((InProcessSiloHandle)fixture.Cluster.Primary!).SiloHost.Services;
        var eviction = silo.GetRequiredService<IOptionsMonitor<StreamCacheEvictionOptions>>().Get(ChangeStreams.ProviderName);

        Assert.Equal(
            (Retention, Retention),
            (eviction.DataMinTimeInCache, eviction.DataMaxAgeInCache));
    }
}
