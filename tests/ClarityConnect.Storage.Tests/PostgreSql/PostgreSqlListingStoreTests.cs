using ClarityConnect.Grains.Listings;
using ClarityConnect.Silo.Storage;
using ClarityConnect.Storage.Tests.Conformance;
using Npgsql;

namespace ClarityConnect.Storage.Tests.PostgreSql;

/// <summary>The listing conformance suite against the PostgreSQL profile's migrated schema.</summary>
public sealed class PostgreSqlListingStoreTests(PostgresDatabaseFixture database) : ListingStoreConformanceTests, IClassFixture<PostgresDatabaseFixture>, IDisposable
{
    private NpgsqlDataSource? _dataSource;
    private NpgsqlDataSource? _unreachable;

    protected override Task<IListingStore> CreateStoreAsync(string serviceId)
    {
        _dataSource ??= NpgsqlDataSource.Create(database.ConnectionString);
        var source = _dataSource;
        return Task.FromResult<IListingStore>(SqlListingStore.ForPostgreSql(source, serviceId));
    }

    protected override Task<IListingStore> CreateUnreachableStoreAsync(string serviceId)
    {
        // The test server's database on a loopback port nobody listens on: every connection is refused.
        var unreachable = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Host = "127.0.0.1", Port = FreePort.Next(), Timeout = 5 };
        _unreachable ??= NpgsqlDataSource.Create(unreachable.ConnectionString);
        return Task.FromResult<IListingStore>(SqlListingStore.ForPostgreSql(_unreachable, serviceId));
    }

    public void Dispose()
    {
        _dataSource?.Dispose();
        _unreachable?.Dispose();
    }
}
