using ClarityConnect.Grains.Listings;
using ClarityConnect.Silo.Storage;
using ClarityConnect.Storage.Tests.Conformance;

namespace ClarityConnect.Storage.Tests.Sqlite;

/// <summary>The listing conformance suite against the embedded profile's SQLite file.</summary>
public sealed class SqliteListingStoreTests(SqliteDataDirectoryFixture data) : ListingStoreConformanceTests, IClassFixture<SqliteDataDirectoryFixture>
{
    protected override Task<IListingStore> CreateStoreAsync(string serviceId)
    {
        var database = new SqliteDatabase(data.CreateOptions());
        return Task.FromResult<IListingStore>(SqlListingStore.ForSqlite(database, serviceId));
    }

    protected override Task<IListingStore> CreateUnreachableStoreAsync(string serviceId)
    {
        // The data folder lies under a plain file, so neither the folder nor the database file can ever be created.
        var blocker = Path.Combine(Path.GetTempPath(), "clarityconnect-tests", $"not-a-folder-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.GetDirectoryName(blocker)!);
        File.WriteAllText(blocker, "a file where the data folder's parent should be");
        var options = data.CreateOptions();
        options.DataDirectory = Path.Combine(blocker, "data");
        var database = new SqliteDatabase(options);
        return Task.FromResult<IListingStore>(SqlListingStore.ForSqlite(database, serviceId));
    }
}
