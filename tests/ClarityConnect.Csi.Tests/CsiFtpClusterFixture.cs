using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Grains.Csi;
using ClarityConnect.TestDoubles.Ftp;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace ClarityConnect.Csi.Tests;

/// <summary>
/// A cluster whose CSI integration uploads to a real vsftpd on loopback (FTPS required), trusting the test CA through
/// the CSI setting "FTPS Trusted CA Certificate" as an administrator would for a private CA. When vsftpd cannot run
/// here (not installed, not root) the fixture stays empty and the tests skip, except in CI.
/// </summary>
public class CsiFtpClusterFixture : ClusterFixture
{
    /// <summary>A one-silo cluster.</summary>
    public CsiFtpClusterFixture()
        : this(1)
    {
    }

    /// <summary>A cluster of <paramref name="silos"/> silos.</summary>
    protected CsiFtpClusterFixture(int silos)
        : base(silos)
    {
    }

    public VsftpdServer? Ftps { get; private set; }

    public VsftpdServer? PlainFtp { get; private set; }

    public string RecordingsDirectory => Path.Combine(DataDirectory, "recordings");

    /// <summary>Saves CSI settings uploading to <paramref name="server"/>, changed by <paramref name="change"/>.</summary>
    public async Task ConfigureAsync(VsftpdServer server, Func<CsiSettings, CsiSettings>? change = null)
    {
        var config = Grains.GetGrain<IIntegrationConfigGrain>(IntegrationNames.Csi);
        var settings = new CsiSettings
        {
            Enabled = true,
            SendSessionRecordings = true,
            SendSessionTranscript = true,
            FtpHostname = $"{server.Host}:{server.Port}",
            FtpUsername = server.Username,
            FtpPassword = server.Password,
            UseSslForFtp = true,
            FtpTrustedCaCertificate = server.CertificateAuthority?.ExportCertificatePem(),
        };
        await config.UpdateAsync((change ?? (s => s))(settings), (await config.GetAsync()).Version);
    }

    protected override void AddConfigurators(TestClusterBuilder builder) => builder.AddSiloBuilderConfigurator<ShortAcdIntervals>();

    protected override async Task StartDoublesAsync()
    {
        if (VsftpdServer.UnavailableReason is not null && Environment.GetEnvironmentVariable("CI") != "true")
        {
            return;
        }

        Ftps = await VsftpdServer.StartAsync(VsftpdTlsMode.FtpsRequired);
        PlainFtp = await VsftpdServer.StartAsync(VsftpdTlsMode.PlainOnly);
        Directory.CreateDirectory(RecordingsDirectory);
    }

    protected override async Task ConfigureIntegrationsAsync()
    {
        if (Ftps is not null)
        {
            await ConfigureAsync(Ftps);
            await ConfigurePlatformAsync(RecordingsDirectory);
        }
    }

    protected override async Task StopDoublesAsync()
    {
        if (Ftps is not null)
        {
            await Ftps.DisposeAsync();
        }

        if (PlainFtp is not null)
        {
            await PlainFtp.DisposeAsync();
        }
    }

    public sealed class ShortAcdIntervals : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo) => silo.Services.Configure<AcdOptions>(o =>
        {
            o.IntervalLength = TimeSpan.FromSeconds(2);
            o.UploadDelay = TimeSpan.FromMilliseconds(500);
            o.RetryPeriod = TimeSpan.FromSeconds(2);
        });
    }
}

[CollectionDefinition(Name)]
public sealed class CsiFtpCollection : ICollectionFixture<CsiFtpClusterFixture>
{
    public const string Name = "csi ftp cluster";
}
