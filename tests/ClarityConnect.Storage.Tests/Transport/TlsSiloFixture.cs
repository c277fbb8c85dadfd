using System.Net;
using System.Security.Cryptography;
using ClarityConnect.ClusterClient;
using ClarityConnect.Connectors.Security;
using ClarityConnect.Silo.Configuration;
using ClarityConnect.Silo.Tls;
using ClarityConnect.Storage.Tests.EndToEnd;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ClarityConnect.Storage.Tests.Transport;

/// <summary>
/// A real silo host built by <c>AddClarityConnect</c>, as <c>Program.cs</c> builds it, on loopback TCP ports, with its
/// cluster certificates; plus a second, unrelated CA's certificates for the rogue clients.
/// </summary>
public abstract class TlsSiloFixture : IAsyncLifetime
{
    private IHost? _silo;

    /// <summary>A fresh folder for the data, the certificates and the foreign CA.</summary>
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "clarityconnect-tls-tests", Guid.NewGuid().ToString("n"));

    /// <summary>The Orleans cluster and service id.</summary>
    public string ClusterId { get; } = $"tls-{Guid.NewGuid():N}";

    /// <summary>The silo port.</summary>
    public int SiloPort { get; } = FreePort.Next();

    /// <summary>The gateway port.</summary>
    public int GatewayPort { get; } = FreePort.Next();

    /// <summary>A folder of the cluster's certificates (ca.crt, client.crt, client.key, …).</summary>
    public abstract string CertificateFolder { get; }

    /// <summary>A CA and certificates that have nothing to do with the cluster.</summary>
    public string ForeignFolder => Path.Combine(Folder, "foreign");

    /// <summary>The silo's services.</summary>
    public IServiceProvider SiloServices => _silo!.Services;

    /// <summary>The PostgreSQL connection string, for a profile that has one.</summary>
    public virtual string? ConnectionString => null;

    /// <summary>The silo's options.</summary>
    protected abstract ClarityConnectOptions Options();

    /// <summary>Skips (or, in CI, fails) the calling test when the fixture cannot run here.</summary>
    public virtual void Require()
    {
    }

    /// <summary>How a client reaches the silo, presenting <paramref name="certificates"/> (none: plain TCP).</summary>
    public ClusterConnection Connection(ClusterCertificates? certificates) => new()
    {
        ClusterId = ClusterId,
        ServiceId = ClusterId,
        PostgresConnectionString = ConnectionString,
        Gateways = [new IPEndPoint(IPAddress.Loopback, GatewayPort)],
        Certificates = certificates,
    };

    /// <summary>Client certificates read from <paramref name="folder"/>.</summary>
    public static ClusterCertificates ClientCertificates(string folder) =>
        ClusterCertificates.Load(new ClusterTlsSettings { Directory = folder }, ClusterRole.Client);

    /// <inheritdoc />
    public virtual async Task InitializeAsync()
    {
        Assert.True(CertificateDirectory.TryCreate(ForeignFolder, "intruder", CertificateDirectory.LoopbackNames));
        var options = Options();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddFilter(_ => false);
        builder.Services.Configure<SecretProtectionOptions>(o => o.Key ??= Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        builder.UseOrleans(silo => silo.AddClarityConnect(options));
        _silo = builder.Build();
        await _silo.StartAsync();
    }

    /// <inheritdoc />
    public virtual async Task DisposeAsync()
    {
        if (_silo is not null)
        {
            await _silo.StopAsync();
            _silo.Dispose();
        }

        Directory.Delete(Folder, recursive: true);
    }
}
