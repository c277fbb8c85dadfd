using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Connectors.Ftp;
using Microsoft.Extensions.Options;

namespace ClarityConnect.Grains.Csi;

/// <summary>Builds the FTP target of the CSI settings (host, port, credentials, FTPS, trusted CA).</summary>
public sealed class CsiFtpTargets(IOptions<CsiFtpOptions> options)
{
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
            TlsHostName = options.Value.TlsHostName,
            TrustedCertificates = options.Value.LoadTrustedCertificates(),
        };
    }
}
