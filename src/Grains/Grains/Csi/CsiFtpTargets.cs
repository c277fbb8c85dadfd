using System.Security.Cryptography.X509Certificates;
using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Connectors.Ftp;
using Microsoft.Extensions.Options;

namespace ClarityConnect.Grains.Csi;

/// <summary>
/// Builds the FTP target of the CSI settings (host, port, credentials, FTPS and its trust). The trust settings come
/// from the CSI settings ("FTPS Trusted CA Certificate", "FTPS Certificate Host Name"); the silo configuration's
/// <see cref="CsiFtpOptions"/> applies only where those are not set, for deployments that configured it before.
/// </summary>
public sealed class CsiFtpTargets(IOptions<CsiFtpOptions> options)
{
    /// <summary>The trust settings as the admin API and the administrative website name them, for FTPS errors.</summary>
    public static FtpTrustSettingNames SettingNames { get; } = new(
        "the CSI setting \"FTPS Trusted CA Certificate\" (ftpTrustedCaCertificate)",
        "the CSI setting \"FTPS Certificate Host Name\" (ftpTlsHostName)");

    /// <summary>The FTP target for <paramref name="settings"/> with decrypted secrets; throws when the FTP settings are incomplete.</summary>
    public FtpTarget For(CsiSettings settings)
    {
        if (settings.FtpHostname is null || settings.FtpUsername is null || settings.FtpPassword is null)
        {
            throw new InvalidOperationException("The CSI FTP hostname, username and password must be set.");
        }

        var colon = settings.FtpHostname.LastIndexOf(':');
        var (host, port) = colon > 0 && int.TryParse(settings.FtpHostname[(colon + 1)..], out var parsed)
            ? (settings.FtpHostname[..colon], parsed)
            : (settings.FtpHostname, 21);
        return new FtpTarget
        {
            Host = host,
            Port = port,
            Username = settings.FtpUsername,
            Password = settings.FtpPassword,
            UseTls = settings.UseSslForFtp,
            TlsHostName = string.IsNullOrEmpty(settings.FtpTlsHostName) ? options.Value.TlsHostName : settings.FtpTlsHostName,
            TrustedCertificates = string.IsNullOrEmpty(settings.FtpTrustedCaCertificate) ? options.Value.LoadTrustedCertificates() : Certificates(settings.FtpTrustedCaCertificate),
            TrustSettingNames = SettingNames,
        };
    }

    // The settings validator checked the text holds only readable certificates.
    private static X509Certificate2Collection Certificates(string pem)
    {
        var certificates = new X509Certificate2Collection();
        certificates.ImportFromPem(pem);
        return certificates;
    }
}
