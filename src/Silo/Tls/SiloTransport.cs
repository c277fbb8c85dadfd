using ClarityConnect.ClusterClient;
using ClarityConnect.Silo.Configuration;

namespace ClarityConnect.Silo.Tls;

/// <summary>How a silo secures its Orleans connections: mutual TLS with its certificates, or (only when explicitly allowed) plain TCP.</summary>
/// <param name="Certificates">The silo certificate and the cluster CA; null for plain TCP.</param>
/// <param name="Note">What was done to get them (created, renewed, read), for the start-up log.</param>
public sealed record SiloTransport(ClusterCertificates? Certificates, string Note)
{
    /// <summary>The setting that allows a silo to run without TLS.</summary>
    public const string AllowInsecureSetting = "ClarityConnect:Cluster:AllowInsecureTransport";

    /// <summary>
    /// The transport <paramref name="options"/> ask for: the configured certificates (<c>ClarityConnect:Cluster:Tls</c>);
    /// none with <c>AllowInsecureTransport=true</c>; on the embedded profile the data folder's own (made on first start).
    /// Throws <see cref="InvalidOperationException"/> with one line naming the settings when the PostgreSql profile has
    /// neither, or when the certificates cannot be used.
    /// </summary>
    public static SiloTransport Resolve(ClarityConnectOptions options)
    {
        var cluster = options.Cluster;
        if (!cluster.Tls.IsEmpty)
        {
            return new SiloTransport(ClusterCertificates.Load(cluster.Tls, ClusterRole.Silo), "certificates from ClarityConnect:Cluster:Tls");
        }

        if (cluster.AllowInsecureTransport)
        {
            return new SiloTransport(null, $"{AllowInsecureSetting}=true");
        }

        if (options.Storage.Profile == StorageProfile.Embedded)
        {
            return Embedded(options.Storage.DataDirectory, cluster.ClusterId);
        }

        throw new InvalidOperationException(
            $"The PostgreSql profile needs the cluster's certificates for mutual TLS: set {ClusterTlsSettings.Section}:CertificateFile and KeyFile (PEM) "
            + $"or PfxFile and PfxPassword, with {ClusterTlsSettings.Section}:CaFile, or {ClusterTlsSettings.Section}:Directory "
            + $"(make them with: dotnet ClarityConnect.Silo.dll certificates --out DIR), or set {AllowInsecureSetting}=true to run without (never in production).");
    }

    /// <summary>The embedded profile's certificates in <c>tls/</c> under <paramref name="dataDirectory"/>, created or renewed as needed.</summary>
    public static SiloTransport Embedded(string dataDirectory, string clusterName)
    {
        var folder = Path.Combine(Path.GetFullPath(dataDirectory), ClientCertificateLocator.DataSubdirectory);
        var note = CertificateDirectory.EnsureEmbedded(folder, clusterName);
        return new SiloTransport(ClusterCertificates.Load(new ClusterTlsSettings { Directory = folder }, ClusterRole.Silo), note);
    }
}
