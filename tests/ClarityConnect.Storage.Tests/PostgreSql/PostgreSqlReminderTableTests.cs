using ClarityConnect.Silo.Storage;
using ClarityConnect.Storage.Tests.Conformance;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Configuration;
using Orleans.Hosting;

namespace ClarityConnect.Storage.Tests.PostgreSql;

/// <summary>The reminder table conformance suite against Orleans' ADO.NET reminder table on the project's schema.</summary>
public sealed class PostgreSqlReminderTableTests(PostgresDatabaseFixture database)
    : ReminderTableConformanceTests, IClassFixture<PostgresDatabaseFixture>
{
    protected override async Task<IReminderTable> CreateTableAsync(string serviceId)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.Configure<ClusterOptions>(options =>
        {
            options.ClusterId = "test";
            options.ServiceId = serviceId;
        });
        services.UseAdoNetReminderService(options => options.Configure(adoNet =>
        {
            adoNet.Invariant = PostgreSqlSiloBuilderExtensions.AdoNetInvariant;
            adoNet.ConnectionString = database.ConnectionString;
        }));

        var table = services.BuildServiceProvider().GetRequiredService<IReminderTable>();
        await table.StartAsync();
        return table;
    }

    protected override Task SimulateProcessRestartAsync()
    {
        using var connection = new NpgsqlConnection(database.ConnectionString);
        NpgsqlConnection.ClearPool(connection);
        return Task.CompletedTask;
    }
}
