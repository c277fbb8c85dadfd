using ClarityConnect.ClusterClient;
using ClarityConnect.Silo.Configuration;
using ClarityConnect.Silo.Tls;
using ClarityConnect.Storage.Tests.PostgreSql;

namespace ClarityConnect.Storage.Tests.Transport;

/// <summary>
/// A PostgreSql-profile silo on a migrated database of its own, with certificates written as <c>ClarityConnect.Silo.dll
/// certificates</c> writes them and configured file by file (ClarityConnect:Cluster:Tls:CertificateFile, KeyFile, CaFile),
/// advertising 127.0.0.1 with no listen address configured. Without a test PostgreSQL it starts nothing and each test skips.
/// </summary>
public sealed class PostgreSqlTlsSiloFixture : TlsSiloFixture
{
    private readonly PostgresDatabaseFixture _database = new();

    /// <inheritdoc />
    public override string CertificateFolder => Path.Combine(Folder, "certificates");

    /// <inheritdoc />
    public override string? ConnectionString => PostgresTestServer.MaintenanceConnectionString is null ? null : _database.ConnectionString;

    /// <inheritdoc />
    public override void Require() => PostgresTestServer.RequireMaintenanceConnectionString();

    /// <inheritdoc />
    public override async Task InitializeAsync()
    {
        if (PostgresTestServer.MaintenanceConnectionString is null)
        {
            Directory.CreateDirectory(Folder);
            return;
        }

        await _database.InitializeAsync();
        Assert.True(CertificateDirectory.TryCreate(CertificateFolder, "clarityconnect", []));
        await base.InitializeAsync();
    }

    /// <inheritdoc />
    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }

    /// <inheritdoc />
    protected override ClarityConnectOptions Options() => new()
    {
        Storage = new ClarityConnectOptions.StorageSettings { Profile = StorageProfile.PostgreSql, ConnectionString = _database.ConnectionString },
        Cluster = new ClarityConnectOptions.ClusterSettings
        {
            ClusterId = ClusterId, ServiceId = ClusterId, SiloPort = SiloPort, GatewayPort = GatewayPort, AdvertisedIp = "127.0.0.1",
            Tls = new ClusterTlsSettings
            {
                CertificateFile = Path.Combine(CertificateFolder, "silo.crt"),
                KeyFile = Path.Combine(CertificateFolder, "silo.key"),
                CaFile = Path.Combine(CertificateFolder, "ca.crt"),
            },
        },
    };
}
