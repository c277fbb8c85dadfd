using ClarityConnect.Silo.Configuration;
using Microsoft.Extensions.Configuration;

namespace ClarityConnect.Grains.Tests;

public sealed class SiloConfigurationTests
{
    [Fact]
    public void The_defaults_start_the_embedded_profile()
    {
        var (options, errors) = Load();
        Assert.Empty(errors);
        Assert.Equal((StorageProfile.Embedded, 11111, 30000, "clarityconnect"), (options.Storage.Profile, options.Cluster.SiloPort, options.Cluster.GatewayPort, options.Cluster.ClusterId));
    }

    [Theory]
    [InlineData("Storage:Profile", "Bogus", "ClarityConnect:Storage:Profile")]
    [InlineData("Cluster:SiloPort", "seventy", "ClarityConnect:Cluster:SiloPort")]
    [InlineData("Cluster:GatewayPort", "70000", "ClarityConnect__Cluster__GatewayPort")]
    [InlineData("Cluster:GatewayPort", "11111", "ClarityConnect:Cluster:GatewayPort")]
    [InlineData("Cluster:ClusterId", " ", "ClarityConnect:Cluster:ClusterId")]
    [InlineData("Cluster:AdvertisedIp", "not-an-ip", "ClarityConnect:Cluster:AdvertisedIp")]
    [InlineData("Storage:DataDirectory", "", "ClarityConnect:Storage:DataDirectory")]
    public void A_bad_setting_is_named(string key, string value, string named)
    {
        var (_, errors) = Load((key, value));
        Assert.Contains(errors, e => e.Contains(named));
    }

    [Fact]
    public void The_postgresql_profile_needs_a_valid_connection_string()
    {
        Assert.Contains(Load(("Storage:Profile", "PostgreSql")).Errors, e => e.Contains("ConnectionString") && e.Contains("required"));
        Assert.Contains(Load(("Storage:Profile", "PostgreSql"), ("Storage:ConnectionString", "Hots=db;;Nonsense")).Errors,
            e => e.Contains("not a valid PostgreSQL connection string"));
        Assert.Empty(Load(("Storage:Profile", "PostgreSql"), ("Storage:ConnectionString", "Host=db;Database=cc;Username=u;Password=p")).Errors);
    }

    private static (ClarityConnectOptions Options, List<string> Errors) Load(params (string Key, string Value)[] settings) =>
        ClarityConnectOptionsLoader.Load(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>("ClarityConnect:" + s.Key, s.Value)))
            .Build());
}
