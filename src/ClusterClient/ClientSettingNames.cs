namespace ClarityConnect.ClusterClient;

/// <summary>How a host spells the TLS settings in its messages (configuration keys or command-line options).</summary>
/// <param name="Name">Spells a <see cref="ClusterTlsSettings"/> property, e.g. <c>CaFile</c> as <c>ClarityConnect:Cluster:Tls:CaFile</c>.</param>
/// <param name="AllowInsecureTransport">The setting that allows plain TCP.</param>
public sealed record ClientSettingNames(Func<string, string> Name, string AllowInsecureTransport)
{
    /// <summary>The configuration keys the silo and the standalone admin API read.</summary>
    public static ClientSettingNames Configuration { get; } = new(ClusterTlsSettings.ConfigurationKey, "ClarityConnect:Cluster:AllowInsecureTransport");
}
