using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Configuration;
using Orleans.Runtime;

namespace ClarityConnect.Silo.Storage;

/// <summary>
/// Reminder table of the embedded profile: the <c>reminders</c> table of a SQLite file, one row per
/// (service, grain, reminder name). The row's integer version is the reminder's ETag. The grain's uniform hash is
/// stored (as the unsigned value) so a silo can read the reminders of its ring range.
/// </summary>
public sealed partial class SqliteReminderTable : IReminderTable
{
    private const string Columns = "grain_id, reminder_name, start_at_ticks, period_ticks, version";

    private readonly string _serviceId;
    private readonly SqliteDatabase _database;
    private readonly ILogger<SqliteReminderTable> _logger;

    /// <summary>Creates the reminder table.</summary>
    /// <param name="options">Settings of the database file.</param>
    /// <param name="clusterOptions">Cluster identity: rows are scoped to its <see cref="ClusterOptions.ServiceId"/>.</param>
    /// <param name="logger">Logger.</param>
    public SqliteReminderTable(SqliteStorageOptions options, IOptions<ClusterOptions> clusterOptions, ILogger<SqliteReminderTable> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clusterOptions);
        _serviceId = clusterOptions.Value.ServiceId
            ?? throw new ArgumentException($"{nameof(ClusterOptions)}.{nameof(ClusterOptions.ServiceId)} is not set.", nameof(clusterOptions));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _database = new SqliteDatabase(options);
    }

    /// <summary>Full path of the database file this table lives in.</summary>
    public string DatabasePath => _database.DatabasePath;

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await _database.EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        LogStarted(_database.DatabasePath);
    }

    /// <inheritdoc />
    public Task<ReminderTableData> ReadRows(GrainId grainId) => ReadRows(grainId, CancellationToken.None);

    /// <inheritdoc />
    public Task<ReminderTableData> ReadRows(GrainId grainId, CancellationToken cancellationToken)
        => QueryAsync(
            $"SELECT {Columns} FROM reminders WHERE service_id = $service_id AND grain_id = $grain_id;",
            command => command.Parameters.AddWithValue("$grain_id", grainId.ToString()),
            cancellationToken);

    /// <inheritdoc />
    public Task<ReminderTableData> ReadRows(uint begin, uint end) => ReadRows(begin, end, CancellationToken.None);

    /// <inheritdoc />
    public Task<ReminderTableData> ReadRows(uint begin, uint end, CancellationToken cancellationToken)
    {
        // The ring range (begin, end]: when begin >= end it wraps past uint.MaxValue (begin == end is the whole ring).
        var condition = begin < end
            ? "grain_hash > $begin AND grain_hash <= $end"
            : "(grain_hash > $begin OR grain_hash <= $end)";
        return QueryAsync(
            $"SELECT {Columns} FROM reminders WHERE service_id = $service_id AND {condition};",
            command =>
            {
                command.Parameters.AddWithValue("$begin", (long)begin);
                command.Parameters.AddWithValue("$end", (long)end);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) => ReadRow(grainId, reminderName, CancellationToken.None);

    /// <inheritdoc />
    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(
            $"SELECT {Columns} FROM reminders WHERE service_id = $service_id AND grain_id = $grain_id AND reminder_name = $reminder_name;",
            command =>
            {
                command.Parameters.AddWithValue("$grain_id", grainId.ToString());
                command.Parameters.AddWithValue("$reminder_name", reminderName);
            },
            cancellationToken).ConfigureAwait(false);
        return rows.Reminders.FirstOrDefault();
    }

    /// <inheritdoc />
    public Task<string?> UpsertRow(ReminderEntry entry) => UpsertRow(entry, CancellationToken.None);

    /// <inheritdoc />
    public async Task<string?> UpsertRow(ReminderEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrEmpty(entry.ReminderName);

        var version = await _database.WriteAsync(async command =>
        {
            command.CommandText = """
                INSERT INTO reminders (service_id, grain_id, reminder_name, grain_hash, start_at_ticks, period_ticks, version)
                VALUES ($service_id, $grain_id, $reminder_name, $grain_hash, $start_at_ticks, $period_ticks, 1)
                ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE SET
                    grain_hash = excluded.grain_hash,
                    start_at_ticks = excluded.start_at_ticks,
                    period_ticks = excluded.period_ticks,
                    version = reminders.version + 1
                RETURNING version;
                """;
            command.Parameters.AddWithValue("$service_id", _serviceId);
            command.Parameters.AddWithValue("$grain_id", entry.GrainId.ToString());
            command.Parameters.AddWithValue("$reminder_name", entry.ReminderName);
            command.Parameters.AddWithValue("$grain_hash", (long)entry.GrainId.GetUniformHashCode());
            command.Parameters.AddWithValue("$start_at_ticks", ToUtc(entry.StartAt).Ticks);
            command.Parameters.AddWithValue("$period_ticks", entry.Period.Ticks);
            return Convert.ToInt64(await command.ExecuteScalarAsync(CancellationToken.None).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }, cancellationToken).ConfigureAwait(false);
        return version.ToString(CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) => RemoveRow(grainId, reminderName, eTag, CancellationToken.None);

    /// <inheritdoc />
    public async Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken)
    {
        if (!long.TryParse(eTag, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return false;
        }

        return await _database.WriteAsync(async command =>
        {
            command.CommandText = """
                DELETE FROM reminders
                WHERE service_id = $service_id AND grain_id = $grain_id AND reminder_name = $reminder_name AND version = $version;
                """;
            command.Parameters.AddWithValue("$service_id", _serviceId);
            command.Parameters.AddWithValue("$grain_id", grainId.ToString());
            command.Parameters.AddWithValue("$reminder_name", reminderName);
            command.Parameters.AddWithValue("$version", version);
            return await command.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false) > 0;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task TestOnlyClearTable() => TestOnlyClearTable(CancellationToken.None);

    /// <inheritdoc />
    public async Task TestOnlyClearTable(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM reminders WHERE service_id = $service_id;";
        command.Parameters.AddWithValue("$service_id", _serviceId);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<ReminderTableData> QueryAsync(string sql, Action<SqliteCommand> addParameters, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$service_id", _serviceId);
        addParameters(command);

        var entries = new List<ReminderEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new ReminderEntry
            {
                GrainId = GrainId.Parse(reader.GetString(0)),
                ReminderName = reader.GetString(1),
                StartAt = new DateTime(reader.GetInt64(2), DateTimeKind.Utc),
                Period = TimeSpan.FromTicks(reader.GetInt64(3)),
                ETag = reader.GetInt64(4).ToString(CultureInfo.InvariantCulture),
            });
        }

        return new ReminderTableData(entries);
    }

    // Orleans hands over StartAt as UTC or, from older callers, Unspecified meaning UTC.
    private static DateTime ToUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Local => value.ToUniversalTime(),
        DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        _ => value,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "SQLite reminder table uses {DatabasePath}")]
    private partial void LogStarted(string databasePath);
}
