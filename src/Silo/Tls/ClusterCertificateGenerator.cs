using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ClarityConnect.ClusterClient;

namespace ClarityConnect.Silo.Tls;

/// <summary>
/// Makes a cluster's private CA and the certificates it issues to silos and clients (ECDSA P-256, SHA-256), with
/// <see cref="CertificateRequest"/>: what the embedded profile creates on first start and what
/// <c>ClarityConnect.Silo.dll certificates</c> writes for a multi-silo cluster.
/// </summary>
public static class ClusterCertificateGenerator
{
    /// <summary>How long a CA certificate is valid: ten years, so rotating it is a planned event.</summary>
    public static readonly TimeSpan AuthorityLifetime = TimeSpan.FromDays(3653);

    /// <summary>How long a silo or client certificate is valid: two years; the embedded silo renews its own a month before.</summary>
    public static readonly TimeSpan LeafLifetime = TimeSpan.FromDays(730);

    // Clocks of the machines in a cluster differ a little; a certificate made now must already be valid on all of them.
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>A new self-signed CA certificate with its private key, named <paramref name="name"/>.</summary>
    public static X509Certificate2 CreateAuthority(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(Subject(name), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: true, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now - ClockSkew, now + AuthorityLifetime);
    }

    /// <summary>
    /// A new certificate for <paramref name="role"/>, named <paramref name="name"/> and issued by <paramref name="authority"/>
    /// (which must hold its private key), with its own private key. Silo certificates allow server and client
    /// authentication and name <paramref name="hostNames"/> (DNS names or IP addresses); client certificates allow client
    /// authentication only, so a client certificate cannot open the silo port.
    /// </summary>
    public static X509Certificate2 Issue(X509Certificate2 authority, ClusterRole role, string name, IEnumerable<string> hostNames)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(Subject(name), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        var usages = new OidCollection { ClusterPeerValidator.ClientAuthentication };
        if (role == ClusterRole.Silo)
        {
            usages.Add(ClusterPeerValidator.ServerAuthentication);
        }

        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(usages, critical: false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        var names = new SubjectAlternativeNameBuilder();
        var any = false;
        foreach (var host in hostNames)
        {
            if (IPAddress.TryParse(host, out var address))
            {
                names.AddIpAddress(address);
            }
            else
            {
                names.AddDnsName(host);
            }

            any = true;
        }

        if (any)
        {
            request.CertificateExtensions.Add(names.Build());
        }

        var now = DateTimeOffset.UtcNow;
        var notAfter = now + LeafLifetime;
        if (notAfter > authority.NotAfter)
        {
            notAfter = authority.NotAfter;
        }

        using var issued = request.Create(authority, now - ClockSkew, notAfter, RandomNumberGenerator.GetBytes(16));
        return issued.CopyWithPrivateKey(key);
    }

    /// <summary>The certificate in PEM.</summary>
    public static string CertificatePem(X509Certificate2 certificate) => certificate.ExportCertificatePem() + "\n";

    /// <summary>The certificate's private key in PEM (PKCS#8, unencrypted: the file is readable by its owner only).</summary>
    public static string KeyPem(X509Certificate2 certificate) =>
        (certificate.GetECDsaPrivateKey() ?? throw new InvalidOperationException($"'{certificate.Subject}' has no ECDSA private key.")).ExportPkcs8PrivateKeyPem() + "\n";

    private static X500DistinguishedName Subject(string name)
    {
        var subject = new X500DistinguishedNameBuilder();
        subject.AddOrganizationName("ClarityConnect");
        subject.AddCommonName(name);
        return subject.Build();
    }
}
