using Npgsql;

namespace ClarityConnect.Storage.Tests.PostgreSql;

/// <summary>
/// The PostgreSQL server the tests use, named by <see cref="EnvironmentVariable"/> (a connection string to a
/// maintenance database; <c>scripts/postgres-test-server.sh</c> starts one). Without it the PostgreSQL tests are
/// skipped, except in CI (<c>CI=true</c>), where they fail.
/// </summary>
public static class PostgresTestServer
{
    public const string EnvironmentVariable = "CLARITYCONNECT_TEST_POSTGRES";

    public static string? MaintenanceConnectionString =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value ? value : null;

    /// <summary>The maintenance connection string; skips the calling test (fails it in CI) when there is none.</summary>
    public static string RequireMaintenanceConnectionString()
    {
        if (MaintenanceConnectionString is { } connectionString)
        {
            return connectionString;
        }

        var reason = $"{EnvironmentVariable} is not set: run scripts/postgres-test-server.sh start, then export \"$(scripts/postgres-test-server.sh env)\"";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"{reason}. CI=true, so the PostgreSQL tests must run and cannot be skipped.");
        }

        throw new SkipException(reason);
    }

    /// <summary>Creates an empty database of its own (<c>cc_test_…</c>) and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var maintenance = RequireMaintenanceConnectionString();
        var name = $"cc_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(maintenance))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\";", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(maintenance) { Database = name }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, closing whatever still uses it.</summary>
    public static async Task DropDatabaseAsync(string connectionString)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        await using var connection = new NpgsqlConnection(RequireMaintenanceConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE);", connection);
        await command.ExecuteNonQueryAsync();
    }
}
