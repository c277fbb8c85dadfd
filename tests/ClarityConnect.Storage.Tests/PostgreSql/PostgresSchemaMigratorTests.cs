using ClarityConnect.Silo.Storage;
using Npgsql;

namespace ClarityConnect.Storage.Tests.PostgreSql;

/// <summary>The migration step that puts the project's PostgreSQL schema into a database.</summary>
public sealed class PostgresSchemaMigratorTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private static readonly string[] ShippedScripts =
        ["0001-orleans-main.sql", "0002-clustering.sql", "0003-persistence.sql", "0004-reminders.sql", "0005-listings.sql"];

    [SkippableFact]
    public async Task A_fresh_database_gets_every_script_in_order_and_a_second_run_applies_nothing()
    {
        _ = database.ConnectionString;
        Assert.Equal(ShippedScripts, database.AppliedScripts);

        var secondRun = await new PostgresSchemaMigrator().MigrateAsync(database.ConnectionString, CancellationToken.None);

        Assert.Empty(secondRun);
        Assert.Equal(ShippedScripts, await RecordedScriptsAsync(database.ConnectionString));
    }

    [SkippableFact]
    public async Task The_schema_holds_every_statement_the_orleans_providers_ask_for()
    {
        string[] expected =
        [
            // clustering
            "InsertMembershipVersionKey", "InsertMembershipKey", "UpdateMembershipKey", "UpdateIAmAlivetimeKey",
            "MembershipReadRowKey", "MembershipReadAllKey", "GatewaysQueryKey", "DeleteMembershipTableEntriesKey",
            "CleanupDefunctSiloEntriesKey", "CleanupDefunctSiloEntryKey",
            // persistence
            "ReadFromStorageKey", "WriteToStorageKey", "ClearStorageKey", "DeleteStorageKey",
            // reminders
            "UpsertReminderRowKey", "ReadReminderRowsKey", "ReadReminderRowKey", "ReadRangeRows1Key",
            "ReadRangeRows2Key", "DeleteReminderRowKey", "DeleteReminderRowsKey",
        ];

        var keys = new List<string>();
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT QueryKey FROM OrleansQuery", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            keys.Add(reader.GetString(0));
        }

        Assert.Equal(expected.Order(StringComparer.Ordinal), keys.Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public async Task Concurrent_migrations_of_one_database_apply_each_script_once()
    {
        var connectionString = await PostgresTestServer.CreateDatabaseAsync();
        try
        {
            var runs = await Task.WhenAll(Enumerable.Range(0, 4)
                .Select(_ => Task.Run(() => new PostgresSchemaMigrator().MigrateAsync(connectionString, CancellationToken.None))));

            Assert.Equal(ShippedScripts, runs.SelectMany(applied => applied).Order(StringComparer.Ordinal));
            Assert.Equal(3, runs.Count(applied => applied.Count == 0));
        }
        finally
        {
            await PostgresTestServer.DropDatabaseAsync(connectionString);
        }
    }

    [SkippableFact]
    public async Task A_failing_script_is_named_in_the_error_and_nothing_of_the_run_is_kept()
    {
        var connectionString = await PostgresTestServer.CreateDatabaseAsync();
        var scripts = Directory.CreateTempSubdirectory("cc-migrations-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(scripts.FullName, "0001-good.sql"), "CREATE TABLE kept_only_if_all_succeed (id int);\n");
            await File.WriteAllTextAsync(Path.Combine(scripts.FullName, "0002-broken.sql"), "CREATE TABLE fine (id int);\n\nSELECT * FROM no_such_table;\n");

            var error = await Assert.ThrowsAsync<PostgresSchemaMigrationException>(
                () => new PostgresSchemaMigrator(scripts.FullName).MigrateAsync(connectionString, CancellationToken.None));

            Assert.Equal("0002-broken.sql", error.ScriptName);
            Assert.Contains("0002-broken.sql", error.Message, StringComparison.Ordinal);
            Assert.Contains("no_such_table", error.Message, StringComparison.Ordinal);
            Assert.False(await TableExistsAsync(connectionString, "kept_only_if_all_succeed"));
        }
        finally
        {
            scripts.Delete(recursive: true);
            await PostgresTestServer.DropDatabaseAsync(connectionString);
        }
    }

    [SkippableFact]
    public async Task An_applied_script_that_was_edited_afterwards_is_refused()
    {
        var connectionString = await PostgresTestServer.CreateDatabaseAsync();
        var scripts = Directory.CreateTempSubdirectory("cc-migrations-");
        try
        {
            var script = Path.Combine(scripts.FullName, "0001-table.sql");
            await File.WriteAllTextAsync(script, "CREATE TABLE edited_later (id int);\n");
            await new PostgresSchemaMigrator(scripts.FullName).MigrateAsync(connectionString, CancellationToken.None);
            await File.WriteAllTextAsync(script, "CREATE TABLE edited_later (id bigint);\n");

            var error = await Assert.ThrowsAsync<PostgresSchemaMigrationException>(
                () => new PostgresSchemaMigrator(scripts.FullName).MigrateAsync(connectionString, CancellationToken.None));

            Assert.Equal("0001-table.sql", error.ScriptName);
            Assert.Contains("changed after it was applied", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            scripts.Delete(recursive: true);
            await PostgresTestServer.DropDatabaseAsync(connectionString);
        }
    }

    [SkippableFact]
    public async Task Line_ending_changes_do_not_count_as_edits()
    {
        var connectionString = await PostgresTestServer.CreateDatabaseAsync();
        var scripts = Directory.CreateTempSubdirectory("cc-migrations-");
        try
        {
            var script = Path.Combine(scripts.FullName, "0001-table.sql");
            await File.WriteAllTextAsync(script, "CREATE TABLE line_endings (\n    id int\n);\n");
            await new PostgresSchemaMigrator(scripts.FullName).MigrateAsync(connectionString, CancellationToken.None);
            await File.WriteAllTextAsync(script, "CREATE TABLE line_endings (\r\n    id int\r\n);\r\n");

            Assert.Empty(await new PostgresSchemaMigrator(scripts.FullName).MigrateAsync(connectionString, CancellationToken.None));
        }
        finally
        {
            scripts.Delete(recursive: true);
            await PostgresTestServer.DropDatabaseAsync(connectionString);
        }
    }

    private static async Task<List<string>> RecordedScriptsAsync(string connectionString)
    {
        var names = new List<string>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT script_name FROM {PostgresSchemaMigrator.MigrationsTable} ORDER BY script_name", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static async Task<bool> TableExistsAsync(string connectionString, string table)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT to_regclass(@name) IS NOT NULL", connection);
        command.Parameters.AddWithValue("name", table);
        return (bool)(await command.ExecuteScalarAsync())!;
    }
}
