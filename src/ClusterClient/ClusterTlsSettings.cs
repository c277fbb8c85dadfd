namespace ClarityConnect.ClusterClient;

/// <summary>
/// Where a silo or an Orleans client finds its cluster certificate, its private key and the cluster's CA certificate,
/// section <see cref="Section"/> (environment variables <c>ClarityConnect__Cluster__Tls__CertificateFile</c>, …).
/// Either a <see cref="Directory"/> laid out as <c>ClarityConnect.Silo.dll certificates</c> writes it, or the files one
/// by one: PEM certificate and key, or a PKCS#12 (PFX) file with its password; and the CA certificate(s) in PEM.
/// A file named explicitly wins over the one the directory would give.
/// </summary>
public sealed class ClusterTlsSettings
{
    /// <summary>The configuration section.</summary>
    public const string Section = "ClarityConnect:Cluster:Tls";

    /// <summary>A folder holding <c>ca.crt</c> and <c>silo.crt</c>/<c>silo.key</c> or <c>client.crt</c>/<c>client.key</c>.</summary>
    public string? Directory { get; set; }

    /// <summary>This process's certificate, PEM.</summary>
    public string? CertificateFile { get; set; }

    /// <summary>The private key of <see cref="CertificateFile"/>, PEM (PKCS#8, PKCS#1 or SEC1), unencrypted; keep it 0600.</summary>
    public string? KeyFile { get; set; }

    /// <summary>This process's certificate and key as a PKCS#12 (PFX) file, instead of <see cref="CertificateFile"/> and <see cref="KeyFile"/>.</summary>
    public string? PfxFile { get; set; }

    /// <summary>The password of <see cref="PfxFile"/>; a secret, never logged.</summary>
    public string? PfxPassword { get; set; }

    /// <summary>The cluster CA certificate(s), PEM: the only roots a peer's certificate may chain to (several during a CA rotation).</summary>
    public string? CaFile { get; set; }

    /// <summary>True when no setting is given.</summary>
    public bool IsEmpty =>
        Blank(Directory) && Blank(CertificateFile) && Blank(KeyFile) && Blank(PfxFile) && Blank(CaFile);

    /// <summary>The certificate file <paramref name="role"/> uses: <see cref="CertificateFile"/>, else the directory's.</summary>
    public string? CertificatePath(ClusterRole role) =>
        !Blank(CertificateFile) ? CertificateFile : Blank(PfxFile) && !Blank(Directory) ? Path.Combine(Directory!, ClusterCertificates.CertificateFileName(role)) : null;

    /// <summary>The key file <paramref name="role"/> uses: <see cref="KeyFile"/>, else the directory's.</summary>
    public string? KeyPath(ClusterRole role) =>
        !Blank(KeyFile) ? KeyFile : Blank(PfxFile) && Blank(CertificateFile) && !Blank(Directory) ? Path.Combine(Directory!, ClusterCertificates.KeyFileName(role)) : null;

    /// <summary>The CA file: <see cref="CaFile"/>, else the directory's <c>ca.crt</c>.</summary>
    public string? CaPath => !Blank(CaFile) ? CaFile : !Blank(Directory) ? Path.Combine(Directory!, ClusterCertificates.AuthorityCertificateFileName) : null;

    /// <summary>
    /// What is missing or contradictory, each problem naming its setting as <paramref name="name"/> spells a property
    /// (default: the configuration key, <c>ClarityConnect:Cluster:Tls:CaFile</c>); empty when usable.
    /// </summary>
    public IReadOnlyList<string> Problems(ClusterRole role, Func<string, string>? name = null)
    {
        name ??= ConfigurationKey;
        var problems = new List<string>();
        if (!Blank(PfxFile) && (!Blank(CertificateFile) || !Blank(KeyFile)))
        {
            problems.Add($"{name(nameof(PfxFile))} cannot be combined with {name(nameof(CertificateFile))} or {name(nameof(KeyFile))}: give the certificate one way.");
        }

        if (Blank(PfxFile) && CertificatePath(role) is null)
        {
            problems.Add($"{name(nameof(CertificateFile))} (with {name(nameof(KeyFile))}), {name(nameof(PfxFile))} or {name(nameof(Directory))} is required.");
        }
        else if (Blank(PfxFile) && KeyPath(role) is null)
        {
            problems.Add($"{name(nameof(KeyFile))} is required with {name(nameof(CertificateFile))}.");
        }

        if (CaPath is null)
        {
            problems.Add($"{name(nameof(CaFile))} (the cluster CA certificate) or {name(nameof(Directory))} is required.");
        }

        return problems;
    }

    /// <summary>The configuration key of <paramref name="property"/>, e.g. <c>ClarityConnect:Cluster:Tls:CaFile</c>.</summary>
    public static string ConfigurationKey(string property) => $"{Section}:{property}";

    private static bool Blank(string? value) => string.IsNullOrWhiteSpace(value);
}
