using System.Data.Common;
using System.Text;
using ClarityConnect.Abstractions.Exports;
using ClarityConnect.Abstractions.Listings;
using ClarityConnect.Abstractions.Sessions;
using ClarityConnect.Grains.Listings;
using Npgsql;

namespace ClarityConnect.Silo.Storage;

/// <summary>
/// The listings in the <c>cc_session_listing</c> and <c>cc_export_listing</c> tables. The embedded (SQLite) and
/// PostgreSQL profiles share the table layout and every statement here (both speak <c>INSERT … ON CONFLICT … DO
/// UPDATE</c>, <c>LIMIT</c>/<c>OFFSET</c> and <c>@name</c> parameters); only how a connection opens and how a write runs
/// differ (SQLite writes join the file's group commit, see <see cref="SqliteWriteQueue"/>).
/// </summary>
/// <param name="openAsync">Opens a connection for reads.</param>
/// <param name="writeAsync">Runs one write command (on a connection of its own, or in a shared transaction).</param>
/// <param name="serviceId">The Orleans service id that scopes every line.</param>
public sealed class SqlListingStore(
    Func<CancellationToken, Task<DbConnection>> openAsync,
    Func<Func<DbCommand, Task>, CancellationToken, Task> writeAsync,
    string serviceId) : IListingStore
{
    /// <summary>The listing in an embedded-profile SQLite file; its writes join the file's group commit.</summary>
    internal static SqlListingStore ForSqlite(SqliteDatabase database, string serviceId) => new(
        async ct => await database.OpenAsync(ct),
        (write, ct) => database.WriteAsync(async command => { await write(command); return true; }, ct),
        serviceId);

    /// <summary>The listing in a PostgreSQL database; each write takes a pooled connection of its own.</summary>
    public static SqlListingStore ForPostgreSql(NpgsqlDataSource dataSource, string serviceId) => new(
        async ct => await dataSource.OpenConnectionAsync(ct),
        async (write, ct) =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            await using var command = connection.CreateCommand();
            await write(command);
        },
        serviceId);

    // One multi-row upsert per batch. A statement may not update a row twice (PostgreSQL refuses it), so a batch holds
    // each line once: the caller merges repeated sessions and exports first (see RecordSessionsAsync/RecordExportsAsync).
    private const string SessionColumns = "service_id, session_id, channel, status, queue, agent_id, started_at_ms, updated_at_ms, sequence";

    private const string SessionConflict = """
        ON CONFLICT (service_id, session_id) DO UPDATE
        SET channel = excluded.channel, status = excluded.status, queue = excluded.queue, agent_id = excluded.agent_id,
            updated_at_ms = excluded.updated_at_ms, sequence = excluded.sequence
        WHERE excluded.sequence > cc_session_listing.sequence
        """;

    private const string ExportColumns = "service_id, target, session_id, state, attempts, last_error, created_at_ms, updated_at_ms";

    private const string ExportConflict = """
        ON CONFLICT (service_id, target, session_id) DO UPDATE
        SET state = excluded.state, attempts = excluded.attempts, last_error = excluded.last_error, updated_at_ms = excluded.updated_at_ms
        """;

    /// <inheritdoc />
    public Task RecordSessionsAsync(IReadOnlyList<SessionSummary> sessions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        // Per session the latest change (highest sequence) with the earliest start time of the batch: the row a
        // one-by-one recording in sequence order would leave when the session is new to the listing.
        var lines = sessions
            .GroupBy(s => s.SessionId, StringComparer.Ordinal)
            .Select(g => g.MaxBy(s => s.Sequence)! with { StartedAt = g.Min(s => s.StartedAt) })
            .Select(s => new (string, object?)[]
            {
                ("session", s.SessionId), ("channel", s.Channel.ToString()), ("status", s.Status.ToString()), ("queue", s.Queue),
                ("agent", s.AgentId), ("started", s.StartedAt.ToUnixTimeMilliseconds()), ("updated", s.UpdatedAt.ToUnixTimeMilliseconds()),
                ("sequence", s.Sequence),
            })
            .ToList();
        return UpsertAsync("cc_session_listing", SessionColumns, SessionConflict, lines, cancellationToken);
    }

    /// <inheritdoc />
    public Task RecordExportsAsync(IReadOnlyList<ExportSummary> exports, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exports);
        // An export's lines carry no sequence: the last one recorded is its current state.
        var lines = exports
            .GroupBy(e => (e.Target, e.SessionId))
            .Select(g => g.Last())
            .Select(e => new (string, object?)[]
            {
                ("target", e.Target), ("session", e.SessionId), ("state", e.State.ToString()), ("attempts", e.Attempts),
                ("error", e.LastError), ("created", e.CreatedAt.ToUnixTimeMilliseconds()), ("updated", e.UpdatedAt.ToUnixTimeMilliseconds()),
            })
            .ToList();
        return UpsertAsync("cc_export_listing", ExportColumns, ExportConflict, lines, cancellationToken);
    }

    /// <inheritdoc />
    public Task<ListingPage<SessionSummary>> ListSessionsAsync(SessionQuery query, CancellationToken cancellationToken)
    {
        var filter = new Filter()
            .Equal("status", query.Status?.ToString())
            .Equal("channel", query.Channel?.ToString())
            .Equal("queue", query.Queue)
            .Equal("agent_id", query.AgentId)
            .AtLeast("started_at_ms", query.StartedFrom?.ToUnixTimeMilliseconds())
            .Below("started_at_ms", query.StartedBefore?.ToUnixTimeMilliseconds());
        return PageAsync(
            "session_id, channel, status, queue, agent_id, started_at_ms, updated_at_ms, sequence",
            "cc_session_listing", filter, "started_at_ms DESC, session_id", query, cancellationToken,
            r => new SessionSummary
            {
                SessionId = r.GetString(0),
                Channel = Enum.Parse<SessionChannel>(r.GetString(1)),
                Status = Enum.Parse<SessionStatus>(r.GetString(2)),
                Queue = r.IsDBNull(3) ? null : r.GetString(3),
                AgentId = r.IsDBNull(4) ? null : r.GetString(4),
                StartedAt = DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(5)),
                UpdatedAt = DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(6)),
                Sequence = r.GetInt64(7),
            });
    }

    /// <inheritdoc />
    public Task<ListingPage<ExportSummary>> ListExportsAsync(ExportQuery query, CancellationToken cancellationToken)
    {
        var filter = new Filter()
            .Equal("state", query.State?.ToString())
            .Equal("target", query.Target)
            .Equal("session_id", query.SessionId);
        return PageAsync(
            "target, session_id, state, attempts, last_error, created_at_ms, updated_at_ms",
            "cc_export_listing", filter, "updated_at_ms DESC, target, session_id", query, cancellationToken,
            r => new ExportSummary
            {
                Target = r.GetString(0),
                SessionId = r.GetString(1),
                State = Enum.Parse<ExportState>(r.GetString(2)),
                Attempts = r.GetInt32(3),
                LastError = r.IsDBNull(4) ? null : r.GetString(4),
                CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(5)),
                UpdatedAt = DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(6)),
            });
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> ListQueuesAsync(int limit, CancellationToken cancellationToken)
    {
        // Ordered in the application, not by the database's collation, so both profiles answer alike.
        var queues = new List<string>();
        await using var connection = await openAsync(cancellationToken);
        await using var select = Command(connection,
            "SELECT DISTINCT queue FROM cc_session_listing WHERE service_id = @service AND queue IS NOT NULL",
            [("service", serviceId)]);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            queues.Add(reader.GetString(0));
        }

        return queues.Order(StringComparer.Ordinal).Take(limit).ToList();
    }

    /// <inheritdoc />
    public async Task PingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await openAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1";
        await command.ExecuteScalarAsync(cancellationToken);
    }

    // INSERT … VALUES (…), (…) … with one numbered parameter per value (@session0, @session1, …) and the service id once.
    private Task UpsertAsync(string table, string columns, string conflict, List<(string Name, object? Value)[]> lines, CancellationToken cancellationToken)
    {
        if (lines.Count == 0)
        {
            return Task.CompletedTask;
        }

        var sql = new StringBuilder($"INSERT INTO {table} ({columns})\nVALUES ");
        var parameters = new List<(string Name, object? Value)> { ("service", serviceId) };
        for (var row = 0; row < lines.Count; row++)
        {
            sql.Append(row == 0 ? "(@service" : ",\n(@service");
            foreach (var (name, value) in lines[row])
            {
                var numbered = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{name}{row}");
                sql.Append(", @").Append(numbered);
                parameters.Add((numbered, value));
            }

            sql.Append(')');
        }

        sql.Append('\n').Append(conflict);
        return writeAsync(command => Prepare(command, sql.ToString(), parameters).ExecuteNonQueryAsync(cancellationToken), cancellationToken);
    }

    private async Task<ListingPage<T>> PageAsync<T>(
        string columns, string table, Filter filter, string order, PageRequest page, CancellationToken cancellationToken, Func<DbDataReader, T> read)
    {
        var parameters = filter.Parameters.Append(("service", serviceId)).ToList();
        var where = $"WHERE service_id = @service{filter.Sql}";
        await using var connection = await openAsync(cancellationToken);
        long total;
        await using (var count = Command(connection, $"SELECT COUNT(*) FROM {table} {where}", parameters))
        {
            total = Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }

        var items = new List<T>();
        await using var select = Command(connection,
            $"SELECT {columns} FROM {table} {where} ORDER BY {order} LIMIT @limit OFFSET @offset",
            parameters.Append(("limit", page.Limit)).Append(("offset", page.Offset)));
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(read(reader));
        }

        return new ListingPage<T> { Items = items, Total = total, Offset = page.Offset, Limit = page.Limit };
    }

    private static DbCommand Command(DbConnection connection, string sql, IEnumerable<(string Name, object? Value)> parameters) =>
        Prepare(connection.CreateCommand(), sql, parameters);

    private static DbCommand Prepare(DbCommand command, string sql, IEnumerable<(string Name, object? Value)> parameters)
    {
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    /// <summary>The optional filters of a listing query, as SQL conditions with parameters; values never enter the text.</summary>
    private sealed class Filter
    {
        private readonly StringBuilder _sql = new();
        private readonly List<(string Name, object? Value)> _parameters = [];

        public string Sql => _sql.ToString();

        public IEnumerable<(string Name, object? Value)> Parameters => _parameters;

        public Filter Equal(string column, object? value) => Add(column, "=", value);

        public Filter AtLeast(string column, object? value) => Add(column, ">=", value);

        public Filter Below(string column, object? value) => Add(column, "<", value);

        private Filter Add(string column, string comparison, object? value)
        {
            if (value is not null)
            {
                var name = "f" + _parameters.Count;
                _sql.Append($" AND {column} {comparison} @{name}");
                _parameters.Add((name, value));
            }

            return this;
        }
    }
}
