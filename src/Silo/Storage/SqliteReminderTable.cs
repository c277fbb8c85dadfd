using System.Globalization;
using Dapper;
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
    private const string Columns =
        "grain_id AS GrainId, reminder_name AS ReminderName, start_at_ticks AS StartAtTicks, period_ticks AS PeriodTicks, version AS Version";

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
            $"SELECT {Columns} FROM reminders WHERE service_id = @service_id AND grain_id = @grain_id;",
            new { service_id = _serviceId, grain_id = grainId.ToString() },
            cancellationToken);

    /// <inheritdoc />
    public Task<ReminderTableData> ReadRows(uint begin, uint end) => ReadRows(begin, end, CancellationToken.None);

    /// <inheritdoc />
    public Task<ReminderTableData> ReadRows(uint begin, uint end, CancellationToken cancellationToken)
    {
        // The ring range (begin, end]: when begin >= end it wraps past uint.MaxValue (begin == end is the whole ring).
        var condition = begin < end
            ? "grain_hash > @begin AND grain_hash <= @end"
            : "(grain_hash > @begin OR grain_hash <= @end)";
        return QueryAsync(
            $"SELECT {Columns} FROM reminders WHERE service_id = @service_id AND {condition};",
            new { service_id = _serviceId, begin = (long)begin, end = (long)end },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) => ReadRow(grainId, reminderName, CancellationToken.None);

    /// <inheritdoc />
    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(
            $"SELECT {Columns} FROM reminders WHERE service_id = @service_id AND grain_id = @grain_id AND reminder_name = @reminder_name;",
            new { service_id = _serviceId, grain_id = grainId.ToString(), reminder_name = reminderName },
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

        const string sql = """
            INSERT INTO reminders (service_id, grain_id, reminder_name, grain_hash, start_at_ticks, period_ticks, version)
            VALUES (@service_id, @grain_id, @reminder_name, @grain_hash, @start_at_ticks, @period_ticks, 1)
            ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE SET
                grain_hash = excluded.grain_hash,
                start_at_ticks = excluded.start_at_ticks,
                period_ticks = excluded.period_ticks,
                version = reminders.version + 1
            RETURNING version;
            """;
        var row = new
        {
            service_id = _serviceId,
            grain_id = entry.GrainId.ToString(),
            reminder_name = entry.ReminderName,
            grain_hash = (long)entry.GrainId.GetUniformHashCode(),
            start_at_ticks = ToUtc(entry.StartAt).Ticks,
            period_ticks = entry.Period.Ticks,
        };
        // The write joins the file's group commit: it runs on that batch's connection and transaction.
        var version = await _database.WriteAsync(
            command => command.Connection!.ExecuteScalarAsync<long>(sql, row, command.Transaction),
            cancellationToken).ConfigureAwait(false);
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

        const string sql = """
            DELETE FROM reminders
            WHERE service_id = @service_id AND grain_id = @grain_id AND reminder_name = @reminder_name AND version = @version;
            """;
        var row = new { service_id = _serviceId, grain_id = grainId.ToString(), reminder_name = reminderName, version };
        return await _database.WriteAsync(
            async command => await command.Connection!.ExecuteAsync(sql, row, command.Transaction).ConfigureAwait(false) > 0,
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task TestOnlyClearTable() => TestOnlyClearTable(CancellationToken.None);

    /// <inheritdoc />
    public async Task TestOnlyClearTable(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM reminders WHERE service_id = @service_id;", new { service_id = _serviceId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    private async Task<ReminderTableData> QueryAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<ReminderRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return new ReminderTableData(rows.Select(r => new ReminderEntry
        {
            GrainId = GrainId.Parse(r.GrainId),
            ReminderName = r.ReminderName,
            StartAt = new DateTime(r.StartAtTicks, DateTimeKind.Utc),
            Period = TimeSpan.FromTicks(r.PeriodTicks),
            ETag = r.Version.ToString(CultureInfo.InvariantCulture),
        }));
    }

    // Orleans hands over StartAt as UTC or, from older callers, Unspecified meaning UTC.
    private static DateTime ToUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Local => value.ToUniversalTime(),
        DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        _ => value,
    };

    /// <summary>A <c>reminders</c> row as Dapper reads it (columns aliased to these names).</summary>
    private sealed class ReminderRow
    {
        public string GrainId { get; init; } = "";
        public string ReminderName { get; init; } = "";
        public long StartAtTicks { get; init; }
        public long PeriodTicks { get; init; }
        public long Version { get; init; }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SQLite reminder table uses {DatabasePath}")]
    private partial void LogStarted(string databasePath);
}
