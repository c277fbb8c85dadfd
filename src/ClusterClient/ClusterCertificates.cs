using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ClarityConnect.ClusterClient;

/// <summary>
/// The certificates one process of the cluster uses on its Orleans connections: its own certificate with the private
/// key, and the cluster CA certificate(s) every peer's certificate must chain to.
/// </summary>
public sealed class ClusterCertificates
{
    /// <summary>The CA certificate's file name in a certificate directory.</summary>
    public const string AuthorityCertificateFileName = "ca.crt";

    /// <summary>The CA private key's file name in a certificate directory (only where certificates are issued).</summary>
    public const string AuthorityKeyFileName = "ca.key";

    private ClusterCertificates(X509Certificate2 certificate, X509Certificate2Collection authorities, string source)
    {
        Certificate = certificate;
        Authorities = authorities;
        Source = source;
    }

    /// <summary>This process's certificate, with its private key.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>The cluster CA certificate(s): the only trusted roots.</summary>
    public X509Certificate2Collection Authorities { get; }

    /// <summary>Where the certificates were read from, for logs (paths only).</summary>
    public string Source { get; }

    /// <summary>When the first of this process's certificate and the CA certificates expires.</summary>
    public DateTime ExpiresUtc => Authorities.Append(Certificate).Min(c => c.NotAfter.ToUniversalTime());

    /// <summary>The file name of <paramref name="role"/>'s certificate in a certificate directory.</summary>
    public static string CertificateFileName(ClusterRole role) => role == ClusterRole.Silo ? "silo.crt" : "client.crt";

    /// <summary>The file name of <paramref name="role"/>'s private key in a certificate directory.</summary>
    public static string KeyFileName(ClusterRole role) => role == ClusterRole.Silo ? "silo.key" : "client.key";

    /// <summary>A one-line description for logs: subjects, expiry dates and files; never a key or password.</summary>
    public string Describe() =>
        $"certificate '{Certificate.Subject}' (expires {Certificate.NotAfter.ToUniversalTime():yyyy-MM-dd HH:mm} UTC), CA "
        + string.Join(", ", Authorities.Select(a => $"'{a.Subject}' (expires {a.NotAfter.ToUniversalTime():yyyy-MM-dd} UTC)"))
        + $", from {Source}";

    /// <summary>
    /// Reads the certificates <paramref name="settings"/> name for <paramref name="role"/>. Throws
    /// <see cref="InvalidOperationException"/> with one message naming the setting and the
    /// file when something is missing, unreadable, expired, not for <paramref name="role"/>, or not issued by the CA;
    /// <paramref name="name"/> spells a setting (default: its configuration key).
    /// </summary>
    public static ClusterCertificates Load(ClusterTlsSettings settings, ClusterRole role, Func<string, string>? name = null)
    {
        if (settings.Problems(role, name ??= ClusterTlsSettings.ConfigurationKey) is [var first, ..])
        {
            throw new InvalidOperationException(first);
        }

        var caPath = Path.GetFullPath(settings.CaPath!);
        var authorities = ReadAuthorities(caPath, name(nameof(ClusterTlsSettings.CaFile)));
        X509Certificate2 certificate;
        string source;
        if (!string.IsNullOrWhiteSpace(settings.PfxFile))
        {
            var pfx = Path.GetFullPath(settings.PfxFile);
            certificate = Read(pfx, name(nameof(ClusterTlsSettings.PfxFile)), () => X509CertificateLoader.LoadPkcs12FromFile(pfx, settings.PfxPassword, X509KeyStorageFlags.EphemeralKeySet));
            source = $"{pfx} and {caPath}";
        }
        else
        {
            var certificatePath = Path.GetFullPath(settings.CertificatePath(role)!);
            var keyPath = Path.GetFullPath(settings.KeyPath(role)!);
            Require(keyPath, name(nameof(ClusterTlsSettings.KeyFile)));
            certificate = Read(certificatePath, name(nameof(ClusterTlsSettings.CertificateFile)), () =>
            {
                var pem = X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
                if (!OperatingSystem.IsWindows())
                {
                    return pem;
                }

                // A PEM key is ephemeral; Windows' TLS stack needs it in a key set, which a PKCS#12 round trip gives it.
                using (pem)
                {
                    return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
                }
            });
            source = $"{certificatePath}, {keyPath} and {caPath}";
        }

        var what = role == ClusterRole.Silo ? "silo" : "client";
        if (!certificate.HasPrivateKey)
        {
            throw new InvalidOperationException($"The cluster {what} certificate from {source} has no private key.");
        }

        var now = DateTime.UtcNow;
        if (certificate.NotAfter.ToUniversalTime() <= now || certificate.NotBefore.ToUniversalTime() > now)
        {
            throw new InvalidOperationException(
                $"The cluster {what} certificate '{certificate.Subject}' from {source} is valid only from {certificate.NotBefore.ToUniversalTime():u} to {certificate.NotAfter.ToUniversalTime():u}; issue a new one (docs/operations.md, \"Security\").");
        }

        // Our own certificate must pass the checks our peers make, or every connection would fail later with less to go on.
        var usage = role == ClusterRole.Silo ? ClusterPeerValidator.ServerAuthentication : ClusterPeerValidator.ClientAuthentication;
        if (!ClusterPeerValidator.IsTrusted(certificate, null, authorities, usage, out var reason))
        {
            throw new InvalidOperationException(
                $"The cluster {what} certificate '{certificate.Subject}' from {source} is not usable with the CA in {caPath}: {reason}.");
        }

        return new ClusterCertificates(certificate, authorities, source);
    }

    private static X509Certificate2Collection ReadAuthorities(string path, string setting)
    {
        Require(path, setting);
        var authorities = new X509Certificate2Collection();
        try
        {
            authorities.ImportFromPemFile(path);
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"{setting}: cannot read the CA certificate {path} ({ex.Message}).");
        }

        if (authorities.Count == 0)
        {
            throw new InvalidOperationException($"{setting}: {path} holds no PEM certificate (-----BEGIN CERTIFICATE-----).");
        }

        foreach (var authority in authorities)
        {
            if (authority.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault() is not { CertificateAuthority: true })
            {
                throw new InvalidOperationException($"{setting}: '{authority.Subject}' in {path} is not a CA certificate (no basic constraints CA:TRUE).");
            }
        }

        return authorities;
    }

    private static X509Certificate2 Read(string path, string setting, Func<X509Certificate2> read)
    {
        Require(path, setting);
        try
        {
            return read();
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new InvalidOperationException($"{setting}: cannot read the certificate and key from {path} ({ex.Message}).");
        }
    }

    private static void Require(string path, string setting)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{setting}: the file {path} does not exist.");
        }
    }
}
