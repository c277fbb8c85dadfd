using System.Security.Cryptography.X509Certificates;

namespace ClarityConnect.Grains.Csi;

/// <summary>
/// Silo-level FTP settings for CSI uploads: fallbacks for the CSI settings "FTPS Trusted CA Certificate" and "FTPS
/// Certificate Host Name", used only while those are not set (deployments configured before they existed keep working).
/// </summary>
public sealed class CsiFtpOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "ClarityConnect:Csi:Ftp";

    /// <summary>
    /// A PEM file with the certificate(s) of a private CA (or the server's own certificate) to trust for FTPS, in
    /// addition to the system's trust store. Certificate validation is never switched off.
    /// </summary>
    public string? TrustedCertificateFile { get; set; }

    /// <summary>The DNS name in the FTP server's certificate, when "Instance FTP Hostname" is an IP address (TLS session resumption, which vsftpd requires, needs a DNS name).</summary>
    public string? TlsHostName { get; set; }

    /// <summary>The certificates of <see cref="TrustedCertificateFile"/>, or null.</summary>
    public X509Certificate2Collection? LoadTrustedCertificates()
    {
        if (string.IsNullOrWhiteSpace(TrustedCertificateFile))
        {
            return null;
        }

        var certificates = new X509Certificate2Collection();
        certificates.ImportFromPemFile(TrustedCertificateFile);
        return certificates;
    }
}
