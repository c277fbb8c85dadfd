using ClarityConnect.Silo.Storage;
using ClarityConnect.Storage.Tests.Conformance;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace ClarityConnect.Storage.Tests.Sqlite;

/// <summary>The reminder table conformance suite against the embedded (SQLite) profile.</summary>
public sealed class SqliteReminderTableTests(SqliteDataDirectoryFixture data)
    : ReminderTableConformanceTests, IClassFixture<SqliteDataDirectoryFixture>
{
    protected override async Task<IReminderTable> CreateTableAsync(string serviceId)
    {
        var table = new SqliteReminderTable(
            data.CreateOptions(),
            Options.Create(new ClusterOptions { ClusterId = "test", ServiceId = serviceId }),
            NullLogger<SqliteReminderTable>.Instance);
        await table.StartAsync();
        return table;
    }

    protected override Task SimulateProcessRestartAsync()
    {
        SqliteConnection.ClearAllPools();
        return Task.CompletedTask;
    }
}
