using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ClarityConnect.Testing.Settings;

/// <summary>Throwaway PEM texts for the certificate settings' tests: a self-signed CA certificate, keys.</summary>
public static class TestCertificates
{
    /// <summary>A self-signed CA certificate named <paramref name="name"/>, in PEM.</summary>
    public static string Pem(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        return certificate.ExportCertificatePem();
    }

    /// <summary>A private key in PKCS#8 PEM (<c>-----BEGIN PRIVATE KEY-----</c>).</summary>
    public static string PrivateKeyPem()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return key.ExportPkcs8PrivateKeyPem();
    }

    /// <summary>A public key in PEM (<c>-----BEGIN PUBLIC KEY-----</c>).</summary>
    public static string PublicKeyPem()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return key.ExportSubjectPublicKeyInfoPem();
    }
}
