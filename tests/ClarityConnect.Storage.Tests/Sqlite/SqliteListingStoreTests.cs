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
        return Task.FromResult<IListingStore>(new SqlListingStore(async ct => await database.OpenAsync(ct), serviceId));
    }
}
