using System.Net;
using ClarityConnect.Silo.Storage;
using ClarityConnect.Storage.Tests.PostgreSql;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Storage;

namespace ClarityConnect.Storage.Tests.EndToEnd;

/// <summary>
/// The PostgreSQL profile in a real silo host on loopback ports, wired by <c>UsePostgreSqlStorage</c>, with an
/// external client that finds the silo through <c>UsePostgreSqlClustering</c>; the silo is stopped and a fresh one
/// started on the same database.
/// </summary>
public sealed class PostgreSqlSiloRestartTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private readonly string _clusterId = $"cluster-{Guid.NewGuid():N}";
    private readonly string _serviceId = $"svc-{Guid.NewGuid():N}";

    [SkippableFact]
    public async Task A_silo_restarted_on_the_same_database_keeps_grain_state_and_reminders()
    {
        var connectionString = database.ConnectionString;
        var keys = Enumerable.Range(0, 8).Select(i => $"session-{i}").ToArray();

        using (var silo = await StartSiloAsync(connectionString))
        {
            using var client = await StartClientAsync(connectionString);
            var grains = keys.Select(key => client.Services.GetRequiredService<IClusterClient>().GetGrain<IReminderCounterGrain>(key)).ToArray();
            await Task.WhenAll(grains.Select((grain, i) => grain.SetNameAsync($"caller-{i}")));
            await grains[0].StartTickingAsync(TimeSpan.FromSeconds(1));
            await client.StopAsync();
            await silo.StopAsync();
        }

        using (var silo = await StartSiloAsync(connectionString))
        {
            using var client = await StartClientAsync(connectionString);
            var clusterClient = client.Services.GetRequiredService<IClusterClient>();
            for (var i = 0; i < keys.Length; i++)
            {
                var snapshot = await clusterClient.GetGrain<IReminderCounterGrain>(keys[i]).GetAsync();
                Assert.True(snapshot.RecordExists);
                Assert.Equal($"caller-{i}", snapshot.Name);
            }

            var ticker = clusterClient.GetGrain<IReminderCounterGrain>(keys[0]);
            Assert.True(await ticker.IsTickingAsync());
            var ticksAfterRestart = (await ticker.GetAsync()).Ticks;
            await Eventually.TrueAsync(async () => (await ticker.GetAsync()).Ticks > ticksAfterRestart, "the reminder registered before the restart to tick in the new silo", TimeSpan.FromSeconds(30));

            await client.StopAsync();
            await silo.StopAsync();
        }

        // The silos wrote through the ADO.NET providers into the project's tables, keyed by grain type, in
        // Orleans' binary format (the host's default serializer), not JSON.
        Assert.Equal(keys.Length, await CountAsync(connectionString, "SELECT count(*) FROM cc_grain_state WHERE service_id = @id AND grain_type LIKE 'counter/%' AND get_byte(payload, 0) <> 123"));
        Assert.Equal(1, await CountAsync(connectionString, "SELECT count(*) FROM cc_reminder WHERE service_id = @id"));
        Assert.Equal(2, await CountAsync(connectionString, "SELECT count(*) FROM cc_membership WHERE deployment_id = @cluster"));
    }

    private async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", _serviceId);
        command.Parameters.AddWithValue("cluster", _clusterId);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<IHost> StartSiloAsync(string connectionString)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(options =>
            {
                options.ClusterId = _clusterId;
                options.ServiceId = _serviceId;
            });
            silo.ConfigureEndpoints(IPAddress.Loopback, FreePort.Next(), FreePort.Next());
            // The ClarityConnect host makes Orleans' binary serializer the default for grain state.
            silo.Services.AddSingleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>();
            silo.UsePostgreSqlStorage(connectionString);
            silo.Configure<ReminderOptions>(options => options.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
        });

        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private async Task<IHost> StartClientAsync(string connectionString)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(options =>
            {
                options.ClusterId = _clusterId;
                options.ServiceId = _serviceId;
            });
            client.UsePostgreSqlClustering(connectionString);
        });

        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
