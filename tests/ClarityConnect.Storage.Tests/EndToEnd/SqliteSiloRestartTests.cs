using ClarityConnect.Silo.Storage;
using ClarityConnect.Storage.Tests.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Storage;
using Orleans.TestingHost;

namespace ClarityConnect.Storage.Tests.EndToEnd;

/// <summary>
/// The embedded profile in real silos: an in-process cluster of two silos sharing one SQLite file, stopped and
/// replaced by a fresh cluster on the same file.
/// </summary>
public sealed class SqliteSiloRestartTests(SqliteDataDirectoryFixture data) : IClassFixture<SqliteDataDirectoryFixture>
{
    [Fact]
    public async Task Two_silos_sharing_one_file_keep_grain_state_and_reminders_across_a_cluster_restart()
    {
        var serviceId = $"svc-{Guid.NewGuid():N}";
        var keys = Enumerable.Range(0, 24).Select(i => $"session-{i}").ToArray();

        var first = await StartClusterAsync(serviceId, silos: 2);
        try
        {
            var grains = keys.Select(key => first.Client.GetGrain<IReminderCounterGrain>(key)).ToArray();
            await Task.WhenAll(grains.Select((grain, i) => grain.SetNameAsync($"caller-{i}")));
            await grains[0].StartTickingAsync(TimeSpan.FromSeconds(1));

            var silosUsed = await Task.WhenAll(grains.Select(grain => grain.GetSiloAsync()));
            Assert.Equal(2, silosUsed.Distinct().Count());
        }
        finally
        {
            await first.StopAllSilosAsync();
            await first.DisposeAsync();
        }

        var second = await StartClusterAsync(serviceId, silos: 1);
        try
        {
            for (var i = 0; i < keys.Length; i++)
            {
                var snapshot = await second.Client.GetGrain<IReminderCounterGrain>(keys[i]).GetAsync();
                Assert.True(snapshot.RecordExists);
                Assert.Equal($"caller-{i}", snapshot.Name);
            }

            var ticker = second.Client.GetGrain<IReminderCounterGrain>(keys[0]);
            Assert.True(await ticker.IsTickingAsync());
            var ticksAfterRestart = (await ticker.GetAsync()).Ticks;
            await Eventually.TrueAsync(async () => (await ticker.GetAsync()).Ticks > ticksAfterRestart, "the reminder registered before the restart to tick in the new cluster", TimeSpan.FromSeconds(30));
        }
        finally
        {
            await second.StopAllSilosAsync();
            await second.DisposeAsync();
        }

        Assert.Equal(keys.Length, await CountAsync("SELECT count(*) FROM grain_state WHERE service_id = $service AND state_name = 'counter';", serviceId));
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM reminders WHERE service_id = $service;", serviceId));
    }

    // Proves the silos wrote through the SQLite providers into the shared file, not through some other default.
    private async Task<long> CountAsync(string sql, string serviceId)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(data.DataDirectory, SqliteStorageOptions.DefaultDatabaseFileName)}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$service", serviceId);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<InProcessTestCluster> StartClusterAsync(string serviceId, short silos)
    {
        var builder = new InProcessTestClusterBuilder(silos);
        builder.Options.ServiceId = serviceId;
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) =>
        {
            // The ClarityConnect host makes Orleans' binary serializer the default for grain state.
            silo.Services.AddSingleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>();
            silo.AddSqliteGrainStorageAsDefault(options => options.DataDirectory = data.DataDirectory);
            silo.UseSqliteReminderService(options => options.DataDirectory = data.DataDirectory);
            silo.Configure<ReminderOptions>(options => options.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
        });

        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
