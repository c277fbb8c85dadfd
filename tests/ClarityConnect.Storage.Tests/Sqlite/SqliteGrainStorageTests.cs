using ClarityConnect.Silo.Storage;
using ClarityConnect.Storage.Tests.Conformance;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Storage;

namespace ClarityConnect.Storage.Tests.Sqlite;

/// <summary>The grain storage conformance suite against the embedded (SQLite) profile.</summary>
public sealed class SqliteGrainStorageTests(SqliteDataDirectoryFixture data)
    : GrainStorageConformanceTests, IClassFixture<SqliteDataDirectoryFixture>
{
    protected override Task<IGrainStorage> CreateStorageAsync(string serviceId)
        => Task.FromResult<IGrainStorage>(new SqliteGrainStorage(
            "Default",
            data.CreateOptions(),
            Options.Create(new ClusterOptions { ClusterId = "test", ServiceId = serviceId }),
            OrleansServices.ActivatorProvider,
            NullLogger<SqliteGrainStorage>.Instance));

    protected override Task SimulateProcessRestartAsync()
    {
        SqliteConnection.ClearAllPools();
        return Task.CompletedTask;
    }
}
