using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace ClarityConnect.Silo.Storage;

/// <summary>
/// Applies the PostgreSQL schema scripts (<c>Schema/PostgreSQL/*.sql</c>, in file-name order) that a database has
/// not had yet, and records each in the <c>clarityconnect_schema_migrations</c> table, so a second run applies
/// nothing. One run is one transaction under a PostgreSQL advisory lock: runs started at the same time (two deploy
/// jobs, say) take turns, and a failing script leaves the database as it was.
/// </summary>
/// <remarks>
/// A script is immutable once applied: its SHA-256 (of the text with LF line ends) is recorded, and a run that
/// finds an applied script whose text has changed fails, naming it. Change the schema with a new, higher-numbered
/// script. Scripts run inside the migration transaction, so they must not contain <c>BEGIN</c>/<c>COMMIT</c> or
/// statements that cannot run in a transaction (such as <c>CREATE INDEX CONCURRENTLY</c>).
/// </remarks>
public sealed partial class PostgresSchemaMigrator
{
    /// <summary>The table that records applied scripts.</summary>
    public const string MigrationsTable = "clarityconnect_schema_migrations";

    // Arbitrary, fixed key of the advisory lock ("CCSCHEMA" in ASCII), shared by every migrator of this project.
    private const long AdvisoryLockKey = 0x4343_5343_4845_4D41;

    private readonly ILogger _logger;

    /// <summary>Creates a migrator over the scripts shipped beside the application (<see cref="DefaultScriptsDirectory"/>).</summary>
    public PostgresSchemaMigrator()
        : this(DefaultScriptsDirectory)
    {
    }

    /// <summary>Creates a migrator over the scripts in <paramref name="scriptsDirectory"/>.</summary>
    /// <param name="scriptsDirectory">Folder of <c>*.sql</c> scripts.</param>
    /// <param name="logger">Logs each applied script; optional.</param>
    public PostgresSchemaMigrator(string scriptsDirectory, ILogger<PostgresSchemaMigrator>? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scriptsDirectory);
        ScriptsDirectory = Path.GetFullPath(scriptsDirectory);
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary><c>Schema/PostgreSQL</c> under the application's base directory, where the build copies the scripts.</summary>
    public static string DefaultScriptsDirectory => Path.Combine(AppContext.BaseDirectory, "Schema", "PostgreSQL");

    /// <summary>The folder the scripts are read from.</summary>
    public string ScriptsDirectory { get; }

    /// <summary>File names of the scripts, in the order they are applied.</summary>
    public IReadOnlyList<string> GetScriptNames()
    {
        if (!Directory.Exists(ScriptsDirectory))
        {
            throw new PostgresSchemaMigrationException(null, $"PostgreSQL schema scripts folder '{ScriptsDirectory}' does not exist.");
        }

        var names = Directory.EnumerateFiles(ScriptsDirectory, "*.sql", SearchOption.TopDirectoryOnly)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Order(StringComparer.Ordinal)
            .ToList();
        if (names.Count == 0)
        {
            throw new PostgresSchemaMigrationException(null, $"PostgreSQL schema scripts folder '{ScriptsDirectory}' holds no *.sql script.");
        }

        return names;
    }

    /// <summary>Applies the scripts the database has not had yet.</summary>
    /// <param name="connectionString">Npgsql connection string of the database to migrate; its user must be allowed to create tables.</param>
    /// <param name="cancellationToken">Cancels the run; nothing of it is kept.</param>
    /// <returns>File names of the scripts applied by this run, in order; empty when the schema was up to date.</returns>
    /// <exception cref="PostgresSchemaMigrationException">A script failed or an applied script was changed; the message names it.</exception>
    public async Task<IReadOnlyList<string>> MigrateAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var scripts = GetScriptNames()
            .Select(name => (Name: name, Text: ReadScript(name)))
            .Select(script => (script.Name, script.Text, Checksum: Checksum(script.Text)))
            .ToList();

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({AdvisoryLockKey});", cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(
            connection,
            transaction,
            $"""
            CREATE TABLE IF NOT EXISTS {MigrationsTable} (
                script_name text        NOT NULL PRIMARY KEY,
                checksum    text        NOT NULL,
                applied_at  timestamptz NOT NULL DEFAULT now()
            );
            """,
            cancellationToken).ConfigureAwait(false);

        var applied = await ReadAppliedAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        var appliedNow = new List<string>();
        foreach (var (name, text, checksum) in scripts)
        {
            if (applied.TryGetValue(name, out var appliedChecksum))
            {
                if (!string.Equals(appliedChecksum, checksum, StringComparison.Ordinal))
                {
                    throw new PostgresSchemaMigrationException(
                        name,
                        $"PostgreSQL schema script {name} was changed after it was applied to this database (recorded SHA-256 {appliedChecksum}, file {checksum}); add a new script instead of editing an applied one.");
                }

                continue;
            }

            try
            {
                await ExecuteAsync(connection, transaction, text, cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException exception)
            {
                var detail = string.Join(" ", new[] { exception.Detail, exception.Hint }.Where(part => !string.IsNullOrWhiteSpace(part)));
                throw new PostgresSchemaMigrationException(
                    name,
                    $"PostgreSQL schema script {name} failed: {exception.SqlState} {exception.MessageText}.{(detail.Length > 0 ? " " + detail : string.Empty)} No script of this run was applied.",
                    exception);
            }

            await using (var record = new NpgsqlCommand($"INSERT INTO {MigrationsTable} (script_name, checksum) VALUES (@name, @checksum);", connection, transaction))
            {
                record.Parameters.AddWithValue("name", name);
                record.Parameters.AddWithValue("checksum", checksum);
                await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            appliedNow.Add(name);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        foreach (var name in appliedNow)
        {
            LogApplied(name, connection.Database);
        }

        return appliedNow;
    }

    private string ReadScript(string name) => File.ReadAllText(Path.Combine(ScriptsDirectory, name), Encoding.UTF8);

    private static string Checksum(string text)
        => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\n"))));

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<Dictionary<string, string>> ReadAppliedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var applied = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand($"SELECT script_name, checksum FROM {MigrationsTable};", connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            applied[reader.GetString(0)] = reader.GetString(1);
        }

        return applied;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied PostgreSQL schema script {ScriptName} to database {Database}")]
    private partial void LogApplied(string scriptName, string database);
}
