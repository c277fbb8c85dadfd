namespace ClarityConnect.ClusterClient;

/// <summary>
/// How an Orleans client (simulator, standalone admin API) gets its cluster certificate: from its settings, or, when it
/// has none and talks to a silo on this machine, from the embedded silo's data folder (<c>data/tls</c>), which the silo
/// fills on its first start.
/// </summary>
public static class ClientCertificateLocator
{
    /// <summary>The embedded silo's certificate folder under its data folder.</summary>
    public const string DataSubdirectory = "tls";

    /// <summary>
    /// The folders tried, in order, when nothing is configured: <c>data/tls</c> in <paramref name="workingDirectory"/>
    /// (a client started beside the silo), then <c>src/Silo/data/tls</c> in it and each parent folder (a client started
    /// anywhere in a checkout while <c>dotnet run --project src/Silo</c> runs).
    /// </summary>
    public static IReadOnlyList<string> DefaultDirectories(string workingDirectory)
    {
        var folders = new List<string> { Path.Combine(workingDirectory, "data", DataSubdirectory) };
        for (var folder = new DirectoryInfo(workingDirectory); folder is not null; folder = folder.Parent)
        {
            folders.Add(Path.Combine(folder.FullName, "src", "Silo", "data", DataSubdirectory));
        }

        return folders;
    }

    /// <summary>
    /// The client certificates to use: those <paramref name="settings"/> name; with none, those of a local embedded silo
    /// when <paramref name="localGateway"/>; none at all (plain TCP) only when <paramref name="allowInsecure"/>. Throws
    /// <see cref="InvalidOperationException"/> naming the settings (as <paramref name="names"/> spells them) otherwise.
    /// </summary>
    public static ClusterCertificates? Resolve(ClusterTlsSettings settings, bool allowInsecure, bool localGateway, ClientSettingNames names, string workingDirectory)
    {
        if (!settings.IsEmpty)
        {
            return ClusterCertificates.Load(settings, ClusterRole.Client, names.Name);
        }

        if (allowInsecure)
        {
            return null;
        }

        var tried = localGateway ? DefaultDirectories(workingDirectory) : [];
        foreach (var folder in tried)
        {
            if (File.Exists(Path.Combine(folder, ClusterCertificates.AuthorityCertificateFileName))
                && File.Exists(Path.Combine(folder, ClusterCertificates.CertificateFileName(ClusterRole.Client))))
            {
                return ClusterCertificates.Load(new ClusterTlsSettings { Directory = folder }, ClusterRole.Client, names.Name);
            }
        }

        throw new InvalidOperationException(
            $"No client certificate for the cluster's mutual TLS: set {names.Name(nameof(ClusterTlsSettings.Directory))} (a folder with ca.crt, client.crt and client.key, "
            + $"such as the embedded silo's data/tls) or {names.Name(nameof(ClusterTlsSettings.CertificateFile))}, {names.Name(nameof(ClusterTlsSettings.KeyFile))} and {names.Name(nameof(ClusterTlsSettings.CaFile))}"
            + (tried.Count > 0 ? $"; looked in {string.Join(", ", tried.Take(3))}{(tried.Count > 3 ? ", …" : "")}" : "")
            + $". Only against a cluster running with AllowInsecureTransport: {names.AllowInsecureTransport}=true.");
    }
}
