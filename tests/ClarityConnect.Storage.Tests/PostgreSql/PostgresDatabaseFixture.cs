using ClarityConnect.Silo.Storage;

namespace ClarityConnect.Storage.Tests.PostgreSql;

/// <summary>
/// A database of its own for one test class, migrated with <see cref="PostgresSchemaMigrator"/> and dropped
/// afterwards. When no server is configured the fixture stays empty and each test skips (or fails in CI).
/// </summary>
public sealed class PostgresDatabaseFixture : IAsyncLifetime
{
    private string? _connectionString;

    /// <summary>Scripts the fixture's migration applied to the fresh database.</summary>
    public IReadOnlyList<string> AppliedScripts { get; private set; } = [];

    /// <summary>Connection string of the migrated database; skips the calling test when there is no server.</summary>
    public string ConnectionString
    {
        get
        {
            PostgresTestServer.RequireMaintenanceConnectionString();
            return _connectionString ?? throw new InvalidOperationException("The test database was not created.");
        }
    }

    public async Task InitializeAsync()
    {
        if (PostgresTestServer.MaintenanceConnectionString is null)
        {
            return;
        }

        _connectionString = await PostgresTestServer.CreateDatabaseAsync();
        AppliedScripts = await new PostgresSchemaMigrator().MigrateAsync(_connectionString, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_connectionString is not null)
        {
            await PostgresTestServer.DropDatabaseAsync(_connectionString);
        }
    }
}
