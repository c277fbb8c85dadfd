using ClarityConnect.Silo.Storage;
using Microsoft.Data.Sqlite;

namespace ClarityConnect.Storage.Tests.Sqlite;

/// <summary>The embedded database holds caller names and numbers: only the service account may read it.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SqliteFileModeTests(SqliteDataDirectoryFixture data) : IClassFixture<SqliteDataDirectoryFixture>
{
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyFolder = OwnerOnlyFile | UnixFileMode.UserExecute;

    [Fact]
    public async Task A_new_database_and_its_wal_and_shm_files_are_0600_in_a_0700_folder()
    {
        var options = data.CreateOptions();
        options.DataDirectory = Path.Combine(data.DataDirectory, "new");
        var database = new SqliteDatabase(options);

        await WriteAsync(database);

        Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(options.DataDirectory));
        foreach (var file in DatabaseFiles(database))
        {
            Assert.True(File.Exists(file), $"{file} exists while a connection is open in WAL mode");
            Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(file));
        }
    }

    [Fact]
    public async Task A_data_folder_and_database_of_an_older_version_are_narrowed_at_start()
    {
        var options = data.CreateOptions();
        options.DataDirectory = Path.Combine(data.DataDirectory, "old");
        var older = new SqliteDatabase(options);
        await WriteAsync(older);
        SqliteConnection.ClearAllPools();
        // What versions before issue 12 left behind: 0644 files in a 0755 folder.
        const UnixFileMode readable = OwnerOnlyFile | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        File.SetUnixFileMode(options.DataDirectory, OwnerOnlyFolder | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        foreach (var file in DatabaseFiles(older).Where(File.Exists))
        {
            File.SetUnixFileMode(file, readable);
        }

        var database = new SqliteDatabase(options);
        await WriteAsync(database);

        Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(options.DataDirectory));
        foreach (var file in DatabaseFiles(database))
        {
            Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(file));
        }
    }

    private static string[] DatabaseFiles(SqliteDatabase database) =>
        [database.DatabasePath, database.DatabasePath + "-wal", database.DatabasePath + "-shm"];

    // As the providers do when the silo starts: the schema first, then writes.
    private static async Task WriteAsync(SqliteDatabase database)
    {
        await database.EnsureSchemaAsync(CancellationToken.None);
        await database.WriteAsync(
            async command =>
            {
                command.CommandText = "INSERT OR REPLACE INTO grain_state (service_id, state_name, grain_id, version, payload, modified_utc) VALUES ('svc', 's', 'g', 1, NULL, 'now');";
                return await command.ExecuteNonQueryAsync();
            },
            CancellationToken.None);
    }
}
