using System.Data;
using System.Net;
using ClarityConnect.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Runtime.Membership;
using Orleans.Runtime.MembershipService;

namespace ClarityConnect.Storage.Tests.PostgreSql;

/// <summary>
/// Orleans' ADO.NET clustering provider on the project's schema: every membership statement is exercised the way
/// silos and clients use it.
/// </summary>
public sealed class PostgreSqlMembershipTableTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    [SkippableFact]
    public async Task A_new_cluster_starts_with_an_empty_table_at_version_zero()
    {
        var table = await CreateTableAsync(NewClusterId());

        var data = await table.ReadAllAsync();

        Assert.Empty(data.Members);
        Assert.Equal(0, data.Version.Version);
    }

    [SkippableFact]
    public async Task A_silo_entry_written_through_the_provider_is_read_back()
    {
        var table = await CreateTableAsync(NewClusterId());
        var entry = Entry(SiloStatus.Joining, port: 11111);

        var inserted = await table.InsertRowAsync(entry, (await table.ReadAllAsync()).Version.Next());
        var row = await table.ReadRowAsync(entry.SiloAddress);

        Assert.True(inserted);
        var (read, etag) = Assert.Single(row.Members);
        Assert.Equal(entry.SiloAddress, read.SiloAddress);
        Assert.Equal(entry.SiloName, read.SiloName);
        Assert.Equal(entry.HostName, read.HostName);
        Assert.Equal(SiloStatus.Joining, read.Status);
        Assert.Equal(entry.ProxyPort, read.ProxyPort);
        Assert.Equal(entry.StartTime, read.StartTime);
        Assert.Equal(entry.IAmAliveTime, read.IAmAliveTime);
        Assert.Equal(1, row.Version.Version);
        Assert.Equal(row.Version.VersionEtag, etag);
    }

    [SkippableFact]
    public async Task Writes_with_a_stale_table_version_are_refused()
    {
        var table = await CreateTableAsync(NewClusterId());
        var stale = (await table.ReadAllAsync()).Version;
        Assert.True(await table.InsertRowAsync(Entry(SiloStatus.Joining, port: 11111), stale.Next()));

        Assert.False(await table.InsertRowAsync(Entry(SiloStatus.Joining, port: 22222), stale.Next()));
        var current = await table.ReadAllAsync();
        var (entry, etag) = Assert.Single(current.Members);
        entry.Status = SiloStatus.Active;
        Assert.False(await table.UpdateRowAsync(entry, stale.VersionEtag, stale.Next()));

        var after = await table.ReadAllAsync();
        Assert.Equal(SiloStatus.Joining, Assert.Single(after.Members).Item1.Status);
        Assert.Equal(current.Version.Version, after.Version.Version);
    }

    [SkippableFact]
    public async Task The_same_silo_cannot_be_inserted_twice()
    {
        var table = await CreateTableAsync(NewClusterId());
        var entry = Entry(SiloStatus.Joining, port: 11111);
        Assert.True(await table.InsertRowAsync(entry, (await table.ReadAllAsync()).Version.Next()));

        Assert.False(await table.InsertRowAsync(entry, (await table.ReadAllAsync()).Version.Next()));

        var data = await table.ReadAllAsync();
        Assert.Single(data.Members);
        Assert.Equal(1, data.Version.Version);
    }

    [SkippableFact]
    public async Task Status_and_suspicions_are_updated_and_the_version_moves_on()
    {
        var table = await CreateTableAsync(NewClusterId());
        var entry = Entry(SiloStatus.Joining, port: 11111);
        await table.InsertRowAsync(entry, (await table.ReadAllAsync()).Version.Next());
        var suspecter = SiloAddress.New(IPAddress.Loopback, 33333, 7);
        var (read, etag) = Assert.Single((await table.ReadAllAsync()).Members);
        var version = (await table.ReadAllAsync()).Version;

        read.Status = SiloStatus.Active;
        read.AddOrUpdateSuspector(suspecter, DateTime.UtcNow, 10);
        Assert.True(await table.UpdateRowAsync(read, etag, version.Next()));

        var data = await table.ReadAllAsync();
        var (updated, _) = Assert.Single(data.Members);
        Assert.Equal(SiloStatus.Active, updated.Status);
        Assert.Equal(suspecter, Assert.Single(updated.SuspectTimes!).Item1);
        Assert.Equal(version.Version + 1, data.Version.Version);
    }

    [SkippableFact]
    public async Task I_am_alive_updates_the_heartbeat_without_changing_the_version()
    {
        var table = await CreateTableAsync(NewClusterId());
        var entry = Entry(SiloStatus.Active, port: 11111);
        await table.InsertRowAsync(entry, (await table.ReadAllAsync()).Version.Next());
        var later = entry.IAmAliveTime.AddMinutes(1);

        entry.IAmAliveTime = later;
        await table.UpdateIAmAliveAsync(entry);

        var data = await table.ReadRowAsync(entry.SiloAddress);
        Assert.Equal(later, Assert.Single(data.Members).Item1.IAmAliveTime);
        Assert.Equal(1, data.Version.Version);
    }

    [SkippableFact]
    public async Task Clients_find_the_gateways_of_active_silos_only()
    {
        var clusterId = NewClusterId();
        var table = await CreateTableAsync(clusterId);
        var active = Entry(SiloStatus.Active, port: 11111, proxyPort: 30001);
        var joining = Entry(SiloStatus.Joining, port: 11112, proxyPort: 30002);
        await table.InsertRowAsync(active, (await table.ReadAllAsync()).Version.Next());
        await table.InsertRowAsync(joining, (await table.ReadAllAsync()).Version.Next());

        var gateways = new AdoNetGatewayListProvider(
            NullLogger<AdoNetGatewayListProvider>.Instance,
            new ServiceCollection().BuildServiceProvider(),
            Options.Create(new AdoNetClusteringClientOptions
            {
                Invariant = PostgreSqlSiloBuilderExtensions.AdoNetInvariant,
                ConnectionString = database.ConnectionString,
            }),
            Options.Create(new GatewayOptions()),
            Options.Create(new ClusterOptions { ClusterId = clusterId, ServiceId = "test" }));
        await gateways.InitializeGatewayListProviderAsync();

        var uri = Assert.Single(await gateways.GetGatewaysAsync());
        Assert.Equal(SiloAddress.New(IPAddress.Loopback, 30001, active.SiloAddress.Generation).ToGatewayUri(), uri);
    }

    [SkippableFact]
    public async Task Cleanup_removes_dead_silos_that_stopped_before_the_cut_off_and_keeps_the_rest()
    {
        var table = await CreateTableAsync(NewClusterId());
        var longDead = Entry(SiloStatus.Dead, port: 11111, age: TimeSpan.FromDays(10));
        var recentlyDead = Entry(SiloStatus.Dead, port: 11112, age: TimeSpan.FromMinutes(1));
        var active = Entry(SiloStatus.Active, port: 11113, age: TimeSpan.FromDays(10));
        foreach (var entry in new[] { longDead, recentlyDead, active })
        {
            Assert.True(await table.InsertRowAsync(entry, (await table.ReadAllAsync()).Version.Next()));
        }

        await table.CleanupDefunctSiloEntriesAsync(DateTimeOffset.UtcNow.AddDays(-1));

        var remaining = (await table.ReadAllAsync()).Members.Select(m => m.Item1.SiloAddress).ToList();
        Assert.DoesNotContain(longDead.SiloAddress, remaining);
        Assert.Contains(recentlyDead.SiloAddress, remaining);
        Assert.Contains(active.SiloAddress, remaining);
    }

    [SkippableFact]
    public async Task The_bulk_cleanup_statement_for_older_providers_removes_long_dead_silos_only()
    {
        // Orleans uses CleanupDefunctSiloEntriesKey when a schema lacks the single-row statement; ours has both,
        // so run the bulk one directly, with the parameters the provider binds.
        var clusterId = NewClusterId();
        var table = await CreateTableAsync(clusterId);
        var longDead = Entry(SiloStatus.Dead, port: 11111, age: TimeSpan.FromDays(10));
        var recentlyDead = Entry(SiloStatus.Dead, port: 11112, age: TimeSpan.FromMinutes(1));
        var oldButActive = Entry(SiloStatus.Active, port: 11113, age: TimeSpan.FromDays(10));
        foreach (var entry in new[] { longDead, recentlyDead, oldButActive })
        {
            Assert.True(await table.InsertRowAsync(entry, (await table.ReadAllAsync()).Version.Next()));
        }

        await using (var connection = new NpgsqlConnection(database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var lookup = new NpgsqlCommand("SELECT QueryText FROM OrleansQuery WHERE QueryKey = 'CleanupDefunctSiloEntriesKey'", connection);
            var sql = (string)(await lookup.ExecuteScalarAsync())!;
            await using var cleanup = new NpgsqlCommand(sql, connection);
            cleanup.Parameters.Add(new NpgsqlParameter("DeploymentId", DbType.String) { Value = clusterId });
            cleanup.Parameters.Add(new NpgsqlParameter("IAmAliveTime", DbType.DateTime) { Value = DateTime.UtcNow.AddDays(-1) });
            await cleanup.ExecuteNonQueryAsync();
        }

        var remaining = (await table.ReadAllAsync()).Members.Select(m => m.Item1.SiloAddress).ToList();
        Assert.Equal([recentlyDead.SiloAddress, oldButActive.SiloAddress], remaining.OrderBy(a => a.Endpoint.Port));
    }

    [SkippableFact]
    public async Task Deleting_the_cluster_removes_its_entries_and_it_can_start_again()
    {
        var clusterId = NewClusterId();
        var table = await CreateTableAsync(clusterId);
        var other = await CreateTableAsync(NewClusterId());
        await table.InsertRowAsync(Entry(SiloStatus.Active, port: 11111), (await table.ReadAllAsync()).Version.Next());
        await other.InsertRowAsync(Entry(SiloStatus.Active, port: 11111), (await other.ReadAllAsync()).Version.Next());

        await table.DeleteMembershipTableEntriesAsync(clusterId);
        await table.InitializeMembershipTableAsync(tryInitTableVersion: true);

        var data = await table.ReadAllAsync();
        Assert.Empty(data.Members);
        Assert.Equal(0, data.Version.Version);
        Assert.Single((await other.ReadAllAsync()).Members);
    }

    private async Task<AdoNetClusteringTable> CreateTableAsync(string clusterId)
    {
        var table = new AdoNetClusteringTable(
            new ServiceCollection().BuildServiceProvider(),
            Options.Create(new ClusterOptions { ClusterId = clusterId, ServiceId = "test" }),
            Options.Create(new AdoNetClusteringSiloOptions
            {
                Invariant = PostgreSqlSiloBuilderExtensions.AdoNetInvariant,
                ConnectionString = database.ConnectionString,
            }),
            NullLogger<AdoNetClusteringTable>.Instance);
        await table.InitializeMembershipTableAsync(tryInitTableVersion: true);
        return table;
    }

    private static string NewClusterId() => $"cluster-{Guid.NewGuid():N}";

    private static MembershipEntry Entry(SiloStatus status, int port, int proxyPort = 30000, TimeSpan? age = null)
    {
        // Whole milliseconds: PostgreSQL keeps microseconds.
        var now = DateTime.UtcNow;
        var time = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc) - (age ?? TimeSpan.Zero);
        return new MembershipEntry
        {
            SiloAddress = SiloAddress.New(IPAddress.Loopback, port, Random.Shared.Next(1, int.MaxValue)),
            SiloName = $"silo-{port}",
            HostName = "test-host",
            Status = status,
            ProxyPort = proxyPort,
            StartTime = time,
            IAmAliveTime = time,
        };
    }
}
