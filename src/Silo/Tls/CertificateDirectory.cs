using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using ClarityConnect.ClusterClient;
using ClarityConnect.Connectors.Security;

namespace ClarityConnect.Silo.Tls;

/// <summary>
/// A folder of cluster certificates in PEM: <c>ca.crt</c>, <c>ca.key</c>, <c>silo.crt</c>, <c>silo.key</c>,
/// <c>client.crt</c>, <c>client.key</c>; folder <c>0700</c>, files <c>0600</c>, every one created through
/// <see cref="PrivateFiles"/>. The embedded silo keeps one in its data folder; <c>ClarityConnect.Silo.dll certificates</c>
/// writes one for operators to distribute.
/// </summary>
public static class CertificateDirectory
{
    /// <summary>A silo or client certificate this close to expiry is renewed by the embedded silo at start.</summary>
    public static readonly TimeSpan RenewBefore = TimeSpan.FromDays(30);

    /// <summary>The host names an embedded silo's certificate names: it listens on loopback only.</summary>
    public static readonly IReadOnlyList<string> LoopbackNames = ["localhost", "127.0.0.1", "::1"];

    /// <summary>
    /// Writes a new CA and a silo and a client certificate into <paramref name="folder"/>, which must not exist yet (so
    /// nothing is ever overwritten): first created in a private folder beside it, then renamed into place in one step, so
    /// two processes doing this at once end up with one CA (the first rename wins; the other's attempt is discarded).
    /// Returns false when <paramref name="folder"/> appeared meanwhile. With <paramref name="existingAuthority"/> (a CA
    /// certificate with its key) no new CA is made: the new certificates come from it and only its certificate is written.
    /// </summary>
    public static bool TryCreate(string folder, string clusterName, IEnumerable<string> siloHostNames, X509Certificate2? existingAuthority = null)
    {
        folder = Path.GetFullPath(folder);
        // The parent may be anything (/tmp, a mounted volume): created when missing, never narrowed. The folder itself is
        // made private as the staging folder, before anything is written into it.
        var parent = Directory.CreateDirectory(Path.GetDirectoryName(folder)!).FullName;
        var staging = Path.Combine(parent, $".{Path.GetFileName(folder)}-{RandomNumberGenerator.GetHexString(12, lowercase: true)}");
        try
        {
            using var created = existingAuthority is null ? ClusterCertificateGenerator.CreateAuthority($"{clusterName} cluster CA") : null;
            var authority = existingAuthority ?? created!;
            Write(staging, ClusterCertificates.AuthorityCertificateFileName, ClusterCertificateGenerator.CertificatePem(authority));
            if (created is not null)
            {
                Write(staging, ClusterCertificates.AuthorityKeyFileName, ClusterCertificateGenerator.KeyPem(created));
            }

            foreach (var role in new[] { ClusterRole.Silo, ClusterRole.Client })
            {
                using var leaf = Issue(authority, role, clusterName, siloHostNames);
                Write(staging, ClusterCertificates.CertificateFileName(role), ClusterCertificateGenerator.CertificatePem(leaf));
                Write(staging, ClusterCertificates.KeyFileName(role), ClusterCertificateGenerator.KeyPem(leaf));
            }

            try
            {
                Directory.Move(staging, folder);
                return true;
            }
            catch (IOException) when (Directory.Exists(folder))
            {
                return false;
            }
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    /// <summary>
    /// The embedded profile's certificates in <paramref name="folder"/>: created with a new CA when the folder does not
    /// exist; a silo or client certificate that is missing or expires within <see cref="RenewBefore"/> is issued again
    /// from <c>ca.key</c>. Returns what was done, for the log.
    /// </summary>
    public static string EnsureEmbedded(string folder, string clusterName)
    {
        folder = Path.GetFullPath(folder);
        if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
        {
            // An empty folder (made by hand, or left by a copy) holds nothing to lose; the rename needs it gone.
            Directory.Delete(folder);
        }

        if (!Directory.Exists(folder))
        {
            return TryCreate(folder, clusterName, LoopbackNames)
                ? $"created a new cluster CA and silo and client certificates in {folder}"
                : $"using the certificates another silo process created in {folder} at the same time";
        }

        PrivateFiles.EnsureDirectory(folder);
        var caPath = Path.Combine(folder, ClusterCertificates.AuthorityCertificateFileName);
        if (!File.Exists(caPath))
        {
            throw new InvalidOperationException(
                $"The certificate folder {folder} has no {ClusterCertificates.AuthorityCertificateFileName}: move the folder away to have a new CA made, or put the cluster CA certificate there.");
        }

        var renewed = new List<string>();
        foreach (var role in new[] { ClusterRole.Silo, ClusterRole.Client })
        {
            var certificatePath = Path.Combine(folder, ClusterCertificates.CertificateFileName(role));
            var keyPath = Path.Combine(folder, ClusterCertificates.KeyFileName(role));
            if (File.Exists(certificatePath) && File.Exists(keyPath) && !ExpiresSoon(certificatePath))
            {
                continue;
            }

            var caKeyPath = Path.Combine(folder, ClusterCertificates.AuthorityKeyFileName);
            if (!File.Exists(caKeyPath))
            {
                throw new InvalidOperationException(
                    $"{certificatePath} is missing or expires within {RenewBefore.TotalDays:0} days, and {caKeyPath} is not there to issue a new one: put a new {role.ToString().ToLowerInvariant()} certificate and key there (docs/operations.md, \"Security\").");
            }

            using var authority = X509Certificate2.CreateFromPemFile(caPath, caKeyPath);
            using var leaf = Issue(authority, role, clusterName, LoopbackNames);
            Replace(folder, Path.GetFileName(keyPath), ClusterCertificateGenerator.KeyPem(leaf));
            Replace(folder, Path.GetFileName(certificatePath), ClusterCertificateGenerator.CertificatePem(leaf));
            renewed.Add(Path.GetFileName(certificatePath));
        }

        return renewed.Count == 0
            ? $"using the certificates in {folder}"
            : $"issued a new {string.Join(" and ", renewed)} from the cluster CA in {folder}";
    }

    private static X509Certificate2 Issue(X509Certificate2 authority, ClusterRole role, string clusterName, IEnumerable<string> siloHostNames) =>
        role == ClusterRole.Silo
            ? ClusterCertificateGenerator.Issue(authority, role, $"{clusterName} silo", siloHostNames)
            : ClusterCertificateGenerator.Issue(authority, role, $"{clusterName} client", []);

    private static bool ExpiresSoon(string certificatePath)
    {
        using var certificate = X509CertificateLoader.LoadCertificateFromFile(certificatePath);
        return certificate.NotAfter.ToUniversalTime() - DateTime.UtcNow < RenewBefore;
    }

    private static void Write(string folder, string name, string pem) =>
        PrivateFiles.CreateNew(Path.Combine(folder, name), Encoding.ASCII.GetBytes(pem));

    // Written beside the old file, then renamed over it: a reader sees the old file or the new one, never half of one.
    private static void Replace(string folder, string name, string pem)
    {
        var staging = Path.Combine(folder, $".{name}-{RandomNumberGenerator.GetHexString(12, lowercase: true)}");
        Write(folder, Path.GetFileName(staging), pem);
        File.Move(staging, Path.Combine(folder, name), overwrite: true);
    }
}
