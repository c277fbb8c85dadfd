using ClarityConnect.ClusterClient;
using ClarityConnect.Silo.Configuration;

namespace ClarityConnect.Silo.Tls;

/// <summary>How a silo secures its Orleans connections: mutual TLS with its certificates, or (only when explicitly allowed) plain TCP.</summary>
public sealed class SiloTransport
{
    /// <summary>The setting that allows a silo to run without TLS.</summary>
    public const string AllowInsecureSetting = "ClarityConnect:Cluster:AllowInsecureTransport";

    private readonly Lazy<(ClusterCertificates? Certificates, string Note)> _resolved;

    private SiloTransport(bool secured, Func<(ClusterCertificates?, string)> resolve)
    {
        IsSecured = secured;
        _resolved = new Lazy<(ClusterCertificates?, string)>(resolve);
    }

    /// <summary>Whether the Orleans ports use mutual TLS (false only with <c>AllowInsecureTransport=true</c>).</summary>
    public bool IsSecured { get; }

    /// <summary>The silo certificate and the cluster CA; null for plain TCP. Reading it first creates the embedded certificates when needed.</summary>
    public ClusterCertificates? Certificates => _resolved.Value.Certificates;

    /// <summary>What was done to get the certificates (created, renewed, read), for the start-up log.</summary>
    public string Note => _resolved.Value.Note;

    /// <summary>
    /// The transport <paramref name="options"/> ask for: the configured certificates (<c>ClarityConnect:Cluster:Tls</c>,
    /// read now); none with <c>AllowInsecureTransport=true</c>; on the embedded profile the data folder's own, made on
    /// first start — deferred until <see cref="Certificates"/> is first read, so that a silo refused by a later start-up
    /// check writes nothing. Throws <see cref="InvalidOperationException"/> with one line naming the settings when the
    /// PostgreSql profile has neither, or when configured certificates cannot be used.
    /// </summary>
    public static SiloTransport Resolve(ClarityConnectOptions options)
    {
        var cluster = options.Cluster;
        if (!cluster.Tls.IsEmpty)
        {
            var configured = ClusterCertificates.Load(cluster.Tls, ClusterRole.Silo);
            return new SiloTransport(true, () => (configured, "certificates from ClarityConnect:Cluster:Tls"));
        }

        if (cluster.AllowInsecureTransport)
        {
            return new SiloTransport(false, () => (null, $"{AllowInsecureSetting}=true"));
        }

        if (options.Storage.Profile == StorageProfile.Embedded)
        {
            return new SiloTransport(true, () => EnsureEmbedded(options.Storage.DataDirectory, cluster.ClusterId));
        }

        throw new InvalidOperationException(
            $"The PostgreSql profile needs the cluster's certificates for mutual TLS: set {ClusterTlsSettings.Section}:CertificateFile and KeyFile (PEM) "
            + $"or PfxFile and PfxPassword, with {ClusterTlsSettings.Section}:CaFile, or {ClusterTlsSettings.Section}:Directory "
            + $"(make them with: dotnet ClarityConnect.Silo.dll certificates --out DIR), or set {AllowInsecureSetting}=true to run without (never in production).");
    }

    /// <summary>The embedded profile's certificates in <c>tls/</c> under <paramref name="dataDirectory"/>, created or renewed now as needed.</summary>
    public static SiloTransport Embedded(string dataDirectory, string clusterName)
    {
        var certificates = EnsureEmbedded(dataDirectory, clusterName);
        return new SiloTransport(true, () => certificates);
    }

    private static (ClusterCertificates?, string) EnsureEmbedded(string dataDirectory, string clusterName)
    {
        var folder = Path.Combine(Path.GetFullPath(dataDirectory), ClientCertificateLocator.DataSubdirectory);
        var note = CertificateDirectory.EnsureEmbedded(folder, clusterName);
        return (ClusterCertificates.Load(new ClusterTlsSettings { Directory = folder }, ClusterRole.Silo), note);
    }
}
