namespace ClarityConnect.Silo.Storage;

/// <summary>
/// SQLite's <c>PRAGMA synchronous</c> setting: how hard SQLite works to get a commit onto the disk before it
/// reports success. See https://www.sqlite.org/pragma.html#pragma_synchronous.
/// </summary>
public enum SqliteSynchronousMode
{
    /// <summary>No syncs: fastest, but an operating-system crash or power loss can lose acknowledged writes.</summary>
    Off = 0,

    /// <summary>In WAL mode, syncs at checkpoints only: a power loss can roll back the last acknowledged writes.</summary>
    Normal = 1,

    /// <summary>Syncs the WAL on every commit: an acknowledged write survives a power loss. The default.</summary>
    Full = 2,

    /// <summary>Like <see cref="Full"/>, and also syncs the directory after the WAL file is created or reset.</summary>
    Extra = 3,
}
