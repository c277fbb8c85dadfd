using ClarityConnect.Silo.Configuration;

namespace ClarityConnect.Storage.Tests.Transport;

/// <summary>An embedded-profile silo with nothing configured about TLS: it makes its CA and certificates in its data folder.</summary>
public sealed class EmbeddedTlsSiloFixture : TlsSiloFixture
{
    /// <summary>The silo's data folder.</summary>
    public string DataDirectory => Path.Combine(Folder, "data");

    /// <inheritdoc />
    public override string CertificateFolder => Path.Combine(DataDirectory, "tls");

    /// <inheritdoc />
    protected override ClarityConnectOptions Options() => new()
    {
        Storage = new ClarityConnectOptions.StorageSettings { Profile = StorageProfile.Embedded, DataDirectory = DataDirectory },
        Cluster = new ClarityConnectOptions.ClusterSettings { ClusterId = ClusterId, ServiceId = ClusterId, SiloPort = SiloPort, GatewayPort = GatewayPort },
    };
}
