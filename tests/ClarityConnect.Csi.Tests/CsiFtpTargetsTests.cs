using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Grains.Csi;
using ClarityConnect.Testing.Settings;
using Microsoft.Extensions.Options;

namespace ClarityConnect.Csi.Tests;

/// <summary>Where the FTP target's trust comes from: the CSI settings, else the silo configuration of earlier versions.</summary>
public sealed class CsiFtpTargetsTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"csi-ca-{Guid.NewGuid():n}.pem");
    private readonly string _siloCa = TestCertificates.Pem("silo-configured-ca");
    private readonly string _settingsCa = TestCertificates.Pem("settings-ca");

    public CsiFtpTargetsTests() => File.WriteAllText(_file, _siloCa);

    [Fact]
    public void The_csi_settings_win_over_the_silo_configuration_which_applies_only_where_they_are_not_set()
    {
        var targets = new CsiFtpTargets(Options.Create(new CsiFtpOptions { TrustedCertificateFile = _file, TlsHostName = "silo.example.com" }));
        var settings = new CsiSettings { FtpHostname = "192.0.2.10", FtpUsername = "u", FtpPassword = "p", UseSslForFtp = true };

        var fallback = targets.For(settings);
        var own = targets.For(settings with { FtpTrustedCaCertificate = _settingsCa, FtpTlsHostName = "ftp.example.com" });

        Assert.Equal(("CN=silo-configured-ca", "silo.example.com"), (Assert.Single(fallback.TrustedCertificates!).Subject, fallback.TlsHostName));
        Assert.Equal(("CN=settings-ca", "ftp.example.com"), (Assert.Single(own.TrustedCertificates!).Subject, own.TlsHostName));
        Assert.Equal(CsiFtpTargets.SettingNames, own.TrustSettingNames);
    }

    public void Dispose() => File.Delete(_file);
}
