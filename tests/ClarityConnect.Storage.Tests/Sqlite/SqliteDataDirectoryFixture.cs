using ClarityConnect.Silo.Storage;
using Microsoft.Data.Sqlite;

namespace ClarityConnect.Storage.Tests.Sqlite;

/// <summary>A data folder of its own for one test class, deleted afterwards.</summary>
public sealed class SqliteDataDirectoryFixture : IDisposable
{
    public SqliteDataDirectoryFixture()
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "clarityconnect-tests", $"sqlite-{Guid.NewGuid():N}");
    }

    public string DataDirectory { get; }

    public SqliteStorageOptions CreateOptions() => new()
    {
        DataDirectory = DataDirectory,
        GrainStorageSerializer = Conformance.OrleansServices.GrainStorageSerializer,
    };

    public void Dispose()
    {
        // Pooled connections keep the file open.
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }
}
