using System.Net;
using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Grains.Integrations;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace ClarityConnect.AdminApi.Tests;

/// <summary>A save through the admin API reaches the silo's settings cache before the API answers.</summary>
[Collection(AdminApiCollection.Name)]
public sealed class SettingsCacheApiTests(AdminApiFixture fixture)
{
    [Fact]
    public async Task The_silo_uses_settings_saved_through_the_api_for_its_next_request()
    {
        var cache = ((InProcessSiloHandle)fixture.Cluster.Silos[0]).SiloHost.Services.GetRequiredService<IntegrationSettingsCache>();
        await Put("cache-key-1", "cache-secret-1");
        Assert.Equal("cache-secret-1", (await cache.GetWithSecretsAsync<DynamicsSettings>(IntegrationNames.Dynamics)).ClientKey);

        var version = await Put("cache-key-2", "cache-secret-2");

        // VersionOf never reads: the save itself told the silo.
        Assert.Equal(version, cache.VersionOf(IntegrationNames.Dynamics));
        var settings = await cache.GetWithSecretsAsync<DynamicsSettings>(IntegrationNames.Dynamics);
        Assert.Equal(("cache-secret-2", "https://cache-key-2.crm.dynamics.com"), (settings.ClientKey, settings.InstanceUrl));
        Assert.DoesNotContain("cache-secret-2", cache.ToString(), StringComparison.Ordinal);
    }

    private async Task<long> Put(string host, string secret)
    {
        using var put = await fixture.Http.SendAsync(Api.Put("/api/integrations/dynamics", new
        {
            enabled = false,
            clientId = "6f1c2a4e-8a3b-4d2e-9c1f-0a1b2c3d4e5f",
            clientKey = secret,
            instanceUrl = $"https://{host}.crm.dynamics.com",
        }, "*"));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        return (await put.JsonAsync()).GetProperty("version").GetInt64();
    }
}
