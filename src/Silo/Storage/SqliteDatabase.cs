using System.Globalization;
using ClarityConnect.Connectors.Security;
using Microsoft.Data.Sqlite;

namespace ClarityConnect.Silo.Storage;

/// <summary>
/// One SQLite database file of the embedded profile: opens connections with the profile's settings and creates
/// the schema (grain state, reminders and the admin listings share a file) once per instance.
/// </summary>
internal sealed class SqliteDatabase
{
    /// <summary>Schema version recorded in <c>PRAGMA user_version</c>; raise it with each schema change.</summary>
    private const int SchemaVersion = 2;

    private const string SchemaSql = """
        CREATE TABLE IF NOT EXISTS grain_state (
            service_id   TEXT    NOT NULL,
            state_name   TEXT    NOT NULL,
            grain_id     TEXT    NOT NULL,
            version      INTEGER NOT NULL,
            payload      BLOB    NULL,
            modified_utc TEXT    NOT NULL,
            PRIMARY KEY (service_id, state_name, grain_id)
        );
        CREATE TABLE IF NOT EXISTS reminders (
            service_id     TEXT    NOT NULL,
            grain_id       TEXT    NOT NULL,
            reminder_name  TEXT    NOT NULL,
            grain_hash     INTEGER NOT NULL,
            start_at_ticks INTEGER NOT NULL,
            period_ticks   INTEGER NOT NULL,
            version        INTEGER NOT NULL,
            PRIMARY KEY (service_id, grain_id, reminder_name)
        );
        CREATE INDEX IF NOT EXISTS ix_reminders_service_hash ON reminders (service_id, grain_hash);
        CREATE TABLE IF NOT EXISTS cc_session_listing (
            service_id    TEXT    NOT NULL,
            session_id    TEXT    NOT NULL,
            channel       TEXT    NOT NULL,
            status        TEXT    NOT NULL,
            queue         TEXT    NULL,
            agent_id      TEXT    NULL,
            started_at_ms INTEGER NOT NULL,
            updated_at_ms INTEGER NOT NULL,
            sequence      INTEGER NOT NULL,
            PRIMARY KEY (service_id, session_id)
        );
        CREATE INDEX IF NOT EXISTS ix_cc_session_listing_started ON cc_session_listing (service_id, started_at_ms DESC, session_id);
        CREATE TABLE IF NOT EXISTS cc_export_listing (
            service_id    TEXT    NOT NULL,
            target        TEXT    NOT NULL,
            session_id    TEXT    NOT NULL,
            state         TEXT    NOT NULL,
            attempts      INTEGER NOT NULL,
            last_error    TEXT    NULL,
            created_at_ms INTEGER NOT NULL,
            updated_at_ms INTEGER NOT NULL,
            PRIMARY KEY (service_id, target, session_id)
        );
        CREATE INDEX IF NOT EXISTS ix_cc_export_listing_state ON cc_export_listing (service_id, state, updated_at_ms DESC);
        """;

    private readonly string _connectionString;
    private readonly string _connectionPragmas;
    private readonly SemaphoreSlim _schemaLock = new(1, 1);
    private volatile bool _schemaReady;
    private readonly SqliteWriteQueue _writes;

    /// <summary>Creates the accessor of the file that <paramref name="options"/> name.</summary>
    public SqliteDatabase(SqliteStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var error = SqliteStorageOptionsValidator.FindError(options);
        if (error is not null)
        {
            throw new ArgumentException(error, nameof(options));
        }

        DatabasePath = options.DatabasePath;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            // Microsoft.Data.Sqlite also retries SQLITE_BUSY until the command timeout: keep both waits equal.
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(options.BusyTimeout.TotalSeconds)),
        }.ToString();

        // synchronous and busy_timeout belong to the connection, not the file, so every opened connection
        // gets them; journal_mode=WAL is stored in the file and is set once with the schema.
        _connectionPragmas = string.Create(
            CultureInfo.InvariantCulture,
            $"PRAGMA busy_timeout = {(int)options.BusyTimeout.TotalMilliseconds}; PRAGMA synchronous = {options.Synchronous.ToString().ToUpperInvariant()};");
        _writes = SqliteWriteQueue.For(DatabasePath, OpenAsync);
    }

    /// <summary>Full path of the database file.</summary>
    public string DatabasePath { get; }

    /// <summary>Opens a connection with the profile's pragmas applied, creating the schema on first use.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!_schemaReady)
        {
            await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        }

        return await OpenRawAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs <paramref name="write"/> (a command already enlisted in the transaction) in the next group commit of this
    /// database's writes; completes once that transaction is committed. See <see cref="SqliteWriteQueue"/>.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<SqliteCommand, Task<T>> write, CancellationToken cancellationToken) =>
        _writes.WriteAsync(write, cancellationToken);

    /// <summary>Creates the folder, the file, WAL mode and the tables if they are missing. Safe to call often.</summary>
    public async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        if (_schemaReady)
        {
            return;
        }

        await _schemaLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_schemaReady)
            {
                return;
            }

            CreatePrivateFiles(DatabasePath);
            await using var connection = await OpenRawAsync(cancellationToken).ConfigureAwait(false);

            await using (var wal = connection.CreateCommand())
            {
                wal.CommandText = "PRAGMA journal_mode = WAL;";
                var mode = Convert.ToString(await wal.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
                if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
                {
                    throw new InvalidOperationException($"SQLite database '{DatabasePath}' could not be switched to WAL journal mode (it reports '{mode}').");
                }
            }

            // IMMEDIATE takes the write lock first, so two silos starting on one file create the schema one
            // after the other instead of failing on a read-to-write lock upgrade.
            await using (var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = "PRAGMA user_version;";
                var version = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
                if (version > SchemaVersion)
                {
                    throw new InvalidOperationException(
                        $"SQLite database '{DatabasePath}' has schema version {version}, newer than this build understands ({SchemaVersion}); run a newer build or use another {nameof(SqliteStorageOptions.DatabaseFileName)}.");
                }

                command.CommandText = SchemaSql + string.Create(CultureInfo.InvariantCulture, $"PRAGMA user_version = {SchemaVersion};");
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }

            _schemaReady = true;
        }
        finally
        {
            _schemaLock.Release();
        }
    }

    /// <summary>
    /// Makes the data folder <c>0700</c> and the database <c>0600</c> before SQLite opens it: the file holds caller names
    /// and numbers. SQLite creates the <c>-wal</c> and <c>-shm</c> files with the database file's mode, so creating the
    /// database private keeps them private too; files left by an older version (<c>0644</c> in <c>0755</c>) are narrowed.
    /// </summary>
    private static void CreatePrivateFiles(string databasePath)
    {
        PrivateFiles.EnsureDirectory(Path.GetDirectoryName(databasePath)!);
        if (!File.Exists(databasePath))
        {
            try
            {
                // An empty file is a valid, empty SQLite database.
                PrivateFiles.CreateNew(databasePath, []);
            }
            catch (IOException) when (File.Exists(databasePath))
            {
                // Another provider of this silo (grain storage, reminders, listings share the file) created it first.
            }
        }

        foreach (var file in new[] { databasePath, databasePath + "-wal", databasePath + "-shm" })
        {
            PrivateFiles.Restrict(file);
        }
    }

    private async Task<SqliteConnection> OpenRawAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = _connectionPragmas;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
