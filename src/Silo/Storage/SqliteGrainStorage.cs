using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace ClarityConnect.Silo.Storage;

/// <summary>
/// Grain storage of the embedded profile: one row per (service, state name, grain id) in the <c>grain_state</c>
/// table of a SQLite file, the state serialized by the configured <see cref="IGrainStorageSerializer"/> into a
/// BLOB. The row's integer version is the ETag: a write or clear with a stale or missing ETag changes nothing and
/// throws <see cref="InconsistentStateException"/>.
/// </summary>
/// <remarks>
/// Clearing keeps the row (payload NULL, version raised) rather than deleting it, so a writer still holding an
/// ETag from before the clear cannot match a re-created row that restarted its version at 1.
/// </remarks>
public sealed partial class SqliteGrainStorage : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    private readonly string _name;
    private readonly string _serviceId;
    private readonly SqliteStorageOptions _options;
    private readonly IGrainStorageSerializer _serializer;
    private readonly IActivatorProvider _activatorProvider;
    private readonly ILogger<SqliteGrainStorage> _logger;
    private readonly SqliteDatabase _database;

    /// <summary>Creates the provider.</summary>
    /// <param name="name">Provider name, e.g. <c>Default</c>.</param>
    /// <param name="options">Settings; <see cref="SqliteStorageOptions.GrainStorageSerializer"/> must be set.</param>
    /// <param name="clusterOptions">Cluster identity: rows are scoped to its <see cref="ClusterOptions.ServiceId"/>.</param>
    /// <param name="activatorProvider">Creates the empty state of a grain that has none stored.</param>
    /// <param name="logger">Logger.</param>
    public SqliteGrainStorage(
        string name,
        SqliteStorageOptions options,
        IOptions<ClusterOptions> clusterOptions,
        IActivatorProvider activatorProvider,
        ILogger<SqliteGrainStorage> logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clusterOptions);
        _name = name;
        _options = options;
        _serializer = options.GrainStorageSerializer
            ?? throw new ArgumentException($"{nameof(SqliteStorageOptions)}.{nameof(SqliteStorageOptions.GrainStorageSerializer)} is not set for SQLite storage '{name}'.", nameof(options));
        _serviceId = clusterOptions.Value.ServiceId
            ?? throw new ArgumentException($"{nameof(ClusterOptions)}.{nameof(ClusterOptions.ServiceId)} is not set.", nameof(clusterOptions));
        _activatorProvider = activatorProvider ?? throw new ArgumentNullException(nameof(activatorProvider));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _database = new SqliteDatabase(options);
    }

    /// <summary>Full path of the database file this provider writes.</summary>
    public string DatabasePath => _database.DatabasePath;

    /// <summary>Creates the named provider from the silo's services (used by the silo builder extensions).</summary>
    /// <param name="services">The silo's services.</param>
    /// <param name="name">Provider name.</param>
    public static SqliteGrainStorage Create(IServiceProvider services, string name)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.GetRequiredService<IOptionsMonitor<SqliteStorageOptions>>().Get(name);
        return ActivatorUtilities.CreateInstance<SqliteGrainStorage>(services, name, options);
    }

    /// <inheritdoc />
    public void Participate(ISiloLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        lifecycle.Subscribe(OptionFormattingUtilities.Name<SqliteGrainStorage>(_name), _options.InitStage, InitializeAsync);
    }

    /// <inheritdoc />
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        => ReadStateAsync(stateName, grainId, grainState, CancellationToken.None);

    /// <inheritdoc />
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var (version, payload) = await ReadRowAsync(stateName, grainId, cancellationToken).ConfigureAwait(false);

        if (payload is not null)
        {
            grainState.State = _serializer.Deserialize<T>(new BinaryData(payload)) ?? CreateEmptyState<T>();
            grainState.RecordExists = true;
        }
        else
        {
            grainState.State = CreateEmptyState<T>();
            grainState.RecordExists = false;
        }

        grainState.ETag = version?.ToString(CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        => WriteStateAsync(stateName, grainId, grainState, CancellationToken.None);

    /// <inheritdoc />
    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var payload = _serializer.Serialize(grainState.State).ToArray();

        long? expected = null;
        if (grainState.ETag is not null)
        {
            if (!TryParseVersion(grainState.ETag, out var parsed))
            {
                throw await ConflictAsync("write", stateName, grainId, grainState.ETag, cancellationToken).ConfigureAwait(false);
            }

            expected = parsed;
        }

        var now = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        var newVersion = await _database.WriteAsync(command =>
        {
            command.CommandText = expected is null
                ? """
                  INSERT INTO grain_state (service_id, state_name, grain_id, version, payload, modified_utc)
                  VALUES ($service_id, $state_name, $grain_id, 1, $payload, $now)
                  ON CONFLICT (service_id, state_name, grain_id) DO NOTHING
                  RETURNING version;
                  """
                : """
                  UPDATE grain_state
                  SET payload = $payload, version = version + 1, modified_utc = $now
                  WHERE service_id = $service_id AND state_name = $state_name AND grain_id = $grain_id AND version = $expected
                  RETURNING version;
                  """;
            if (expected is { } version)
            {
                command.Parameters.AddWithValue("$expected", version);
            }

            AddKey(command, stateName, grainId);
            command.Parameters.Add("$payload", SqliteType.Blob).Value = payload;
            command.Parameters.AddWithValue("$now", now);
            return command.ExecuteScalarAsync(CancellationToken.None);
        }, cancellationToken).ConfigureAwait(false);
        if (newVersion is null or DBNull)
        {
            throw await ConflictAsync("write", stateName, grainId, grainState.ETag, cancellationToken).ConfigureAwait(false);
        }

        grainState.ETag = Convert.ToInt64(newVersion, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    /// <inheritdoc />
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        => ClearStateAsync(stateName, grainId, grainState, CancellationToken.None);

    /// <inheritdoc />
    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        if (grainState.ETag is null)
        {
            // The caller has seen no row: clearing is a no-op unless one appeared behind its back.
            var (version, _) = await ReadRowAsync(stateName, grainId, cancellationToken).ConfigureAwait(false);
            if (version is not null)
            {
                throw await ConflictAsync("clear", stateName, grainId, null, cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            if (!TryParseVersion(grainState.ETag, out var expected))
            {
                throw await ConflictAsync("clear", stateName, grainId, grainState.ETag, cancellationToken).ConfigureAwait(false);
            }

            var now = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture);
            var newVersion = await _database.WriteAsync(command =>
            {
                command.CommandText = """
                    UPDATE grain_state
                    SET payload = NULL, version = version + 1, modified_utc = $now
                    WHERE service_id = $service_id AND state_name = $state_name AND grain_id = $grain_id AND version = $expected
                    RETURNING version;
                    """;
                AddKey(command, stateName, grainId);
                command.Parameters.AddWithValue("$expected", expected);
                command.Parameters.AddWithValue("$now", now);
                return command.ExecuteScalarAsync(CancellationToken.None);
            }, cancellationToken).ConfigureAwait(false);
            if (newVersion is null or DBNull)
            {
                throw await ConflictAsync("clear", stateName, grainId, grainState.ETag, cancellationToken).ConfigureAwait(false);
            }

            grainState.ETag = Convert.ToInt64(newVersion, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
        }

        grainState.State = CreateEmptyState<T>();
        grainState.RecordExists = false;
    }

    private async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _database.EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        LogInitialized(_name, _database.DatabasePath, _options.Synchronous);
    }

    private async Task<(long? Version, byte[]? Payload)> ReadRowAsync(string stateName, GrainId grainId, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT version, payload FROM grain_state
            WHERE service_id = $service_id AND state_name = $state_name AND grain_id = $grain_id;
            """;
        AddKey(command, stateName, grainId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return (null, null);
        }

        return (reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetFieldValue<byte[]>(1));
    }

    private void AddKey(SqliteCommand command, string stateName, GrainId grainId)
    {
        command.Parameters.AddWithValue("$service_id", _serviceId);
        command.Parameters.AddWithValue("$state_name", stateName);
        command.Parameters.AddWithValue("$grain_id", grainId.ToString());
    }

    private async Task<InconsistentStateException> ConflictAsync(string operation, string stateName, GrainId grainId, string? callerETag, CancellationToken cancellationToken)
    {
        var (stored, _) = await ReadRowAsync(stateName, grainId, cancellationToken).ConfigureAwait(false);
        var storedETag = stored?.ToString(CultureInfo.InvariantCulture) ?? "(none)";
        var currentETag = callerETag ?? "(none)";
        LogConflict(operation, _name, stateName, grainId, storedETag, currentETag);
        return new InconsistentStateException(
            $"SQLite storage '{_name}' refused to {operation} state '{stateName}' of grain {grainId}: the caller's ETag {currentETag} does not match the stored ETag {storedETag}.",
            storedETag,
            currentETag);
    }

    private T CreateEmptyState<T>() => _activatorProvider.GetActivator<T>().Create();

    private static bool TryParseVersion(string eTag, out long version)
        => long.TryParse(eTag, NumberStyles.None, CultureInfo.InvariantCulture, out version);

    [LoggerMessage(Level = LogLevel.Information, Message = "SQLite grain storage {ProviderName} uses {DatabasePath} (synchronous={Synchronous})")]
    private partial void LogInitialized(string providerName, string databasePath, SqliteSynchronousMode synchronous);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SQLite grain storage {ProviderName}: {Operation} of state {StateName} of grain {GrainId} refused, stored ETag {StoredETag}, caller's ETag {CallerETag}")]
    private partial void LogConflict(string operation, string providerName, string stateName, GrainId grainId, string storedETag, string callerETag);
}
