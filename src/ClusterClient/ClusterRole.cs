namespace ClarityConnect.ClusterClient;

/// <summary>What a certificate of the cluster identifies: a silo or an Orleans client.</summary>
public enum ClusterRole
{
    /// <summary>A silo: presents its certificate on the silo and gateway ports and to other silos (server and client authentication).</summary>
    Silo,

    /// <summary>An Orleans client (simulator, standalone admin API, telephony platform): client authentication only.</summary>
    Client,
}
