using ClarityConnect.Grains.Listings;
using ClarityConnect.Silo.Storage;
using ClarityConnect.Storage.Tests.Conformance;
using Npgsql;

namespace ClarityConnect.Storage.Tests.PostgreSql;

/// <summary>The listing conformance suite against the PostgreSQL profile's migrated schema.</summary>
public sealed class PostgreSqlListingStoreTests(PostgresDatabaseFixture database) : ListingStoreConformanceTests, IClassFixture<PostgresDatabaseFixture>, IDisposable
{
    private NpgsqlDataSource? _dataSource;

    protected override Task<IListingStore> CreateStoreAsync(string serviceId)
    {
        _dataSource ??= NpgsqlDataSource.Create(database.ConnectionString);
        var source = _dataSource;
        return Task.FromResult<IListingStore>(new SqlListingStore(async ct => await source.OpenConnectionAsync(ct), serviceId));
    }

    public void Dispose() => _dataSource?.Dispose();
}
