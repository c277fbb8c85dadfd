using ClarityConnect.Silo.Storage;
using ClarityConnect.Storage.Tests.Conformance;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace ClarityConnect.Storage.Tests.Sqlite;

/// <summary>Settings of the embedded profile: defaults, validation messages and the pragmas they turn into.</summary>
public sealed class SqliteStorageOptionsTests(SqliteDataDirectoryFixture data) : IClassFixture<SqliteDataDirectoryFixture>
{
    [Fact]
    public void Defaults_keep_clarityconnect_db_in_the_data_folder_with_full_sync()
    {
        var options = new SqliteStorageOptions();

        Assert.Equal("clarityconnect.db", options.DatabaseFileName);
        Assert.Equal(SqliteSynchronousMode.Full, options.Synchronous);
        Assert.Equal(Path.GetFullPath(Path.Combine("data", "clarityconnect.db")), options.DatabasePath);
        Assert.Null(SqliteStorageOptionsValidator.FindError(options));
    }

    [Theory]
    [InlineData(nameof(SqliteStorageOptions.DataDirectory))]
    [InlineData(nameof(SqliteStorageOptions.DatabaseFileName))]
    [InlineData(nameof(SqliteStorageOptions.Synchronous))]
    [InlineData(nameof(SqliteStorageOptions.BusyTimeout))]
    public void A_bad_setting_fails_silo_start_with_a_message_naming_it(string setting)
    {
        var options = new SqliteStorageOptions();
        switch (setting)
        {
            case nameof(SqliteStorageOptions.DataDirectory): options.DataDirectory = " "; break;
            case nameof(SqliteStorageOptions.DatabaseFileName): options.DatabaseFileName = "sub/dir.db"; break;
            case nameof(SqliteStorageOptions.Synchronous): options.Synchronous = (SqliteSynchronousMode)9; break;
            case nameof(SqliteStorageOptions.BusyTimeout): options.BusyTimeout = TimeSpan.Zero; break;
        }

        var result = new SqliteStorageOptionsValidator().Validate("Default", options);

        Assert.True(result.Failed);
        Assert.Contains($"SqliteStorageOptions.{setting}", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("'Default'", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SqliteSynchronousMode.Full, 2)]
    [InlineData(SqliteSynchronousMode.Normal, 1)]
    public async Task The_database_is_in_wal_mode_with_the_configured_synchronous_setting(SqliteSynchronousMode mode, long expectedPragma)
    {
        var options = data.CreateOptions();
        options.DatabaseFileName = $"pragmas-{mode}.db";
        options.Synchronous = mode;
        var storage = new SqliteGrainStorage("Default", options, Options.Create(new ClusterOptions { ServiceId = "svc" }), OrleansServices.ActivatorProvider, NullLogger<SqliteGrainStorage>.Instance);
        await storage.WriteStateAsync("state", TestGrainIds.StringKeyed(), new GrainState<TestState>(new TestState { Name = "x" }));

        await using var connection = await new SqliteDatabase(options).OpenAsync(CancellationToken.None);
        Assert.Equal("wal", await ScalarAsync(connection, "PRAGMA journal_mode;"));
        Assert.Equal(expectedPragma, await ScalarAsync(connection, "PRAGMA synchronous;"));
        Assert.Equal((long)options.BusyTimeout.TotalMilliseconds, await ScalarAsync(connection, "PRAGMA busy_timeout;"));
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
