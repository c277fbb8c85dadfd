using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Grains.Integrations;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace ClarityConnect.Grains.Tests;

/// <summary>Two silos whose settings caches trust an entry for a second only, so a missed save shows within a test.</summary>
public sealed class TwoSiloSettingsFixture() : CoreClusterFixture(2)
{
    protected override void AddConfigurators(TestClusterBuilder builder)
    {
        base.AddConfigurators(builder);
        builder.AddSiloBuilderConfigurator<ShortCacheAge>();
    }

    /// <summary>Every silo's settings cache, in silo order.</summary>
    public IReadOnlyList<IntegrationSettingsCache> Caches =>
        Cluster.Silos.Cast<InProcessSiloHandle>().Select(s => s.SiloHost.Services.GetRequiredService<IntegrationSettingsCache>()).ToList();

    private sealed class ShortCacheAge : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo) =>
            silo.Services.Configure<IntegrationSettingsCacheOptions>(o => o.MaxAge = TimeSpan.FromSeconds(1));
    }
}

[CollectionDefinition(Name)]
public sealed class TwoSiloSettingsCollection : ICollectionFixture<TwoSiloSettingsFixture>
{
    public const string Name = "two silos, settings cache";
}

[Collection(TwoSiloSettingsCollection.Name)]
public sealed class SettingsCacheTests(TwoSiloSettingsFixture fixture)
{
    [Fact]
    public async Task A_save_reaches_every_silos_cache_before_it_returns_with_its_secret_decrypted_and_never_printed()
    {
        var caches = fixture.Caches;
        Assert.Equal(2, caches.Count);
        await SaveAsync("first-secret", "first-key");
        foreach (var cache in caches)
        {
            Assert.Equal("first-key", (await cache.GetWithSecretsAsync<SalesforceSettings>(IntegrationNames.Salesforce)).ConsumerKey);
        }

        var saved = await SaveAsync("second-secret", "second-key");

        foreach (var cache in caches)
        {
            // VersionOf never reads: the silo holds the new version because the save told it, not because it asked.
            Assert.Equal(saved.Version, cache.VersionOf(IntegrationNames.Salesforce));
            var settings = await cache.GetWithSecretsAsync<SalesforceSettings>(IntegrationNames.Salesforce);
            Assert.Equal(("second-key", "second-secret"), (settings.ConsumerKey, settings.ConsumerSecret));
            Assert.Null((await cache.GetAsync<SalesforceSettings>(IntegrationNames.Salesforce)).ConsumerSecret);
            Assert.DoesNotContain("second-secret", cache.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("second-secret", settings.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_silo_that_missed_a_save_reads_it_again_once_its_entry_is_older_than_MaxAge()
    {
        var caches = fixture.Caches;
        var before = await SaveAsync("kept-secret", "kept-key");
        foreach (var cache in caches)
        {
            Assert.Equal("kept-key", (await cache.GetAsync<SalesforceSettings>(IntegrationNames.Salesforce)).ConsumerKey);
        }

        // The config grain keeps its subscribers in memory: deactivated, it forgets them, so the next save tells nobody.
        await fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var saved = await SaveAsync("missed-secret", "missed-key");
        Assert.All(caches, cache => Assert.Equal(before.Version, cache.VersionOf(IntegrationNames.Salesforce)));

        foreach (var cache in caches)
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while ((await cache.GetWithSecretsAsync<SalesforceSettings>(IntegrationNames.Salesforce)).ConsumerSecret != "missed-secret" && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }

            Assert.Equal(saved.Version, cache.VersionOf(IntegrationNames.Salesforce));
        }
    }

    private async Task<IntegrationConfigView> SaveAsync(string secret, string key)
    {
        var config = fixture.Grains.GetGrain<IIntegrationConfigGrain>(IntegrationNames.Salesforce);
        var current = await config.GetAsync();
        return await config.UpdateAsync(new SalesforceSettings { Enabled = true, ConsumerKey = key, ConsumerSecret = secret }, current.Version);
    }
}
