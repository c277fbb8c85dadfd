using System.Data.Common;
using System.Globalization;
using System.Text;
using ClarityConnect.Abstractions.Exports;
using ClarityConnect.Abstractions.Listings;
using ClarityConnect.Abstractions.Sessions;
using ClarityConnect.Grains.Listings;
using Dapper;
using Npgsql;

namespace ClarityConnect.Silo.Storage;

/// <summary>
/// The listings in the <c>cc_session_listing</c> and <c>cc_export_listing</c> tables. The embedded (SQLite) and
/// PostgreSQL profiles share the table layout and every statement here (both speak <c>INSERT … ON CONFLICT … DO
/// UPDATE</c>, <c>LIMIT</c>/<c>OFFSET</c> and <c>@name</c> parameters); only how a connection opens and how a write runs
/// differ (SQLite writes join the file's group commit, see <see cref="SqliteWriteQueue"/>).
/// </summary>
/// <param name="openAsync">Opens a connection for reads.</param>
/// <param name="writeAsync">Runs one write on a connection (of its own, or in a shared transaction, then passed along).</param>
/// <param name="serviceId">The Orleans service id that scopes every line.</param>
public sealed class SqlListingStore(
    Func<CancellationToken, Task<DbConnection>> openAsync,
    Func<Func<DbConnection, DbTransaction?, Task>, CancellationToken, Task> writeAsync,
    string serviceId) : IListingStore
{
    /// <summary>The listing in an embedded-profile SQLite file; its writes join the file's group commit.</summary>
    internal static SqlListingStore ForSqlite(SqliteDatabase database, string serviceId) => new(
        async ct => await database.OpenAsync(ct),
        (write, ct) => database.WriteAsync(async command => { await write(command.Connection!, command.Transaction); return true; }, ct),
        serviceId);

    /// <summary>The listing in a PostgreSQL database; each write takes a pooled connection of its own.</summary>
    public static SqlListingStore ForPostgreSql(NpgsqlDataSource dataSource, string serviceId) => new(
        async ct => await dataSource.OpenConnectionAsync(ct),
        async (write, ct) =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            await write(connection, null);
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
        return PageAsync<SessionRow, SessionSummary>(
            "session_id AS SessionId, channel AS Channel, status AS Status, queue AS Queue, agent_id AS AgentId, " +
            "started_at_ms AS StartedAtMs, updated_at_ms AS UpdatedAtMs, sequence AS Sequence",
            "cc_session_listing", filter, "started_at_ms DESC, session_id", query, cancellationToken,
            r => new SessionSummary
            {
                SessionId = r.SessionId,
                Channel = Enum.Parse<SessionChannel>(r.Channel),
                Status = Enum.Parse<SessionStatus>(r.Status),
                Queue = r.Queue,
                AgentId = r.AgentId,
                StartedAt = DateTimeOffset.FromUnixTimeMilliseconds(r.StartedAtMs),
                UpdatedAt = DateTimeOffset.FromUnixTimeMilliseconds(r.UpdatedAtMs),
                Sequence = r.Sequence,
            });
    }

    /// <inheritdoc />
    public Task<ListingPage<ExportSummary>> ListExportsAsync(ExportQuery query, CancellationToken cancellationToken)
    {
        var filter = new Filter()
            .Equal("state", query.State?.ToString())
            .Equal("target", query.Target)
            .Equal("session_id", query.SessionId);
        return PageAsync<ExportRow, ExportSummary>(
            "target AS Target, session_id AS SessionId, state AS State, attempts AS Attempts, last_error AS LastError, " +
            "created_at_ms AS CreatedAtMs, updated_at_ms AS UpdatedAtMs",
            "cc_export_listing", filter, "updated_at_ms DESC, target, session_id", query, cancellationToken,
            r => new ExportSummary
            {
                Target = r.Target,
                SessionId = r.SessionId,
                State = Enum.Parse<ExportState>(r.State),
                Attempts = r.Attempts,
                LastError = r.LastError,
                CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(r.CreatedAtMs),
                UpdatedAt = DateTimeOffset.FromUnixTimeMilliseconds(r.UpdatedAtMs),
            });
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> ListQueuesAsync(int limit, CancellationToken cancellationToken)
    {
        // Ordered in the application, not by the database's collation, so both profiles answer alike.
        await using var connection = await openAsync(cancellationToken);
        var queues = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT DISTINCT queue FROM cc_session_listing WHERE service_id = @service AND queue IS NOT NULL",
            new { service = serviceId }, cancellationToken: cancellationToken));
        return queues.Order(StringComparer.Ordinal).Take(limit).ToList();
    }

    /// <inheritdoc />
    public async Task PingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await openAsync(cancellationToken);
        await connection.ExecuteScalarAsync(new CommandDefinition("SELECT 1", cancellationToken: cancellationToken));
    }

    // INSERT … VALUES (…), (…) … with one numbered parameter per value (@session0, @session1, …) and the service id once.
    private Task UpsertAsync(string table, string columns, string conflict, List<(string Name, object? Value)[]> lines, CancellationToken cancellationToken)
    {
        if (lines.Count == 0)
        {
            return Task.CompletedTask;
        }

        var sql = new StringBuilder($"INSERT INTO {table} ({columns})\nVALUES ");
        var parameters = new DynamicParameters(new { service = serviceId });
        for (var row = 0; row < lines.Count; row++)
        {
            sql.Append(row == 0 ? "(@service" : ",\n(@service");
            foreach (var (name, value) in lines[row])
            {
                var numbered = string.Create(CultureInfo.InvariantCulture, $"{name}{row}");
                sql.Append(", @").Append(numbered);
                parameters.Add(numbered, value);
            }

            sql.Append(')');
        }

        sql.Append('\n').Append(conflict);
        return writeAsync(
            // NoCache: the text differs with the batch size, so Dapper's per-statement cache would only fill up.
            (connection, transaction) => connection.ExecuteAsync(new CommandDefinition(
                sql.ToString(), parameters, transaction, flags: CommandFlags.NoCache, cancellationToken: cancellationToken)),
            cancellationToken);
    }

    private async Task<ListingPage<T>> PageAsync<TRow, T>(
        string columns, string table, Filter filter, string order, PageRequest page, CancellationToken cancellationToken, Func<TRow, T> map)
    {
        var parameters = new DynamicParameters(filter.Parameters);
        parameters.Add("service", serviceId);
        var where = $"WHERE service_id = @service{filter.Sql}";
        await using var connection = await openAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT COUNT(*) FROM {table} {where}", parameters, cancellationToken: cancellationToken));
        parameters.Add("limit", page.Limit);
        parameters.Add("offset", page.Offset);
        var items = await connection.QueryAsync<TRow>(new CommandDefinition(
            $"SELECT {columns} FROM {table} {where} ORDER BY {order} LIMIT @limit OFFSET @offset", parameters, cancellationToken: cancellationToken));
        return new ListingPage<T> { Items = items.Select(map).ToList(), Total = total, Offset = page.Offset, Limit = page.Limit };
    }

    /// <summary>A <c>cc_session_listing</c> row as Dapper reads it (columns aliased to these names).</summary>
    private sealed class SessionRow
    {
        public string SessionId { get; init; } = "";
        public string Channel { get; init; } = "";
        public string Status { get; init; } = "";
        public string? Queue { get; init; }
        public string? AgentId { get; init; }
        public long StartedAtMs { get; init; }
        public long UpdatedAtMs { get; init; }
        public long Sequence { get; init; }
    }

    /// <summary>A <c>cc_export_listing</c> row as Dapper reads it (columns aliased to these names).</summary>
    private sealed class ExportRow
    {
        public string Target { get; init; } = "";
        public string SessionId { get; init; } = "";
        public string State { get; init; } = "";
        public int Attempts { get; init; }
        public string? LastError { get; init; }
        public long CreatedAtMs { get; init; }
        public long UpdatedAtMs { get; init; }
    }

    /// <summary>The optional filters of a listing query, as SQL conditions with parameters; values never enter the text.</summary>
    private sealed class Filter
    {
        private readonly StringBuilder _sql = new();
        private readonly Dictionary<string, object?> _parameters = [];

        public string Sql => _sql.ToString();

        public IReadOnlyDictionary<string, object?> Parameters => _parameters;

        public Filter Equal(string column, object? value) => Add(column, "=", value);

        public Filter AtLeast(string column, object? value) => Add(column, ">=", value);

        public Filter Below(string column, object? value) => Add(column, "<", value);

        private Filter Add(string column, string comparison, object? value)
        {
            if (value is not null)
            {
                var name = "f" + _parameters.Count;
                _sql.Append($" AND {column} {comparison} @{name}");
                _parameters.Add(name, value);
            }

            return this;
        }
    }
}
