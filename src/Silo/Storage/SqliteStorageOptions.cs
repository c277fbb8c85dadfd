using Orleans;
using Orleans.Storage;

namespace ClarityConnect.Silo.Storage;

/// <summary>
/// Settings of the embedded (SQLite) storage profile, shared by <see cref="SqliteGrainStorage"/> and
/// <see cref="SqliteReminderTable"/>. Both may point at the same file: each keeps its own table.
/// </summary>
public sealed class SqliteStorageOptions : IStorageProviderSerializerOptions
{
    /// <summary>The default <see cref="DatabaseFileName"/>.</summary>
    public const string DefaultDatabaseFileName = "clarityconnect.db";

    /// <summary>
    /// Folder that holds the database file; created if missing. A relative path is resolved against the
    /// process's current directory when the provider is created. Default: <c>data</c>.
    /// </summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>File name of the database inside <see cref="DataDirectory"/>. Default: <c>clarityconnect.db</c>.</summary>
    public string DatabaseFileName { get; set; } = DefaultDatabaseFileName;

    /// <summary>
    /// SQLite's <c>synchronous</c> setting. Default <see cref="SqliteSynchronousMode.Full"/>, so that a write
    /// acknowledged to a grain survives a crash or power loss; lower it only where that loss is acceptable.
    /// </summary>
    public SqliteSynchronousMode Synchronous { get; set; } = SqliteSynchronousMode.Full;

    /// <summary>
    /// How long a command waits for another connection's write lock (SQLite's <c>busy_timeout</c>) before it
    /// fails. Several silos in one process, or a silo and a tool, may share the file. Default: 30 seconds.
    /// </summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Silo lifecycle stage at which the grain storage provider creates its schema.
    /// Default: <see cref="ServiceLifecycleStage.ApplicationServices"/>.
    /// </summary>
    public int InitStage { get; set; } = ServiceLifecycleStage.ApplicationServices;

    /// <summary>
    /// Serializer of grain state. Left unset, the provider takes the silo's <see cref="IGrainStorageSerializer"/>
    /// (keyed by provider name first, then the default one).
    /// </summary>
    public IGrainStorageSerializer GrainStorageSerializer { get; set; } = null!;

    /// <summary>The full path of the database file.</summary>
    public string DatabasePath => Path.GetFullPath(Path.Combine(DataDirectory, DatabaseFileName));
}
