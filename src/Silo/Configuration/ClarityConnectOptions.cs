namespace ClarityConnect.Silo.Configuration;

/// <summary>The silo's settings, section <c>ClarityConnect</c> (environment variables <c>ClarityConnect__Storage__Profile</c>, …).</summary>
public sealed class ClarityConnectOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "ClarityConnect";

    /// <summary>Storage settings.</summary>
    public StorageSettings Storage { get; set; } = new();

    /// <summary>Cluster settings.</summary>
    public ClusterSettings Cluster { get; set; } = new();

    /// <summary>Storage settings.</summary>
    public sealed class StorageSettings
    {
        /// <summary><c>Embedded</c> (default) or <c>PostgreSql</c>.</summary>
        public StorageProfile Profile { get; set; } = StorageProfile.Embedded;

        /// <summary>The embedded profile's data folder (SQLite database, secret key). Relative paths are relative to the working directory.</summary>
        public string DataDirectory { get; set; } = "data";

        /// <summary>The PostgreSQL connection string (Npgsql format) for the PostgreSql profile.</summary>
        public string? ConnectionString { get; set; }
    }

    /// <summary>Cluster settings.</summary>
    public sealed class ClusterSettings
    {
        /// <summary>The Orleans cluster id; silos and clients of one cluster share it.</summary>
        public string ClusterId { get; set; } = "clarityconnect";

        /// <summary>The Orleans service id; stays the same across deployments (it keys stored state).</summary>
        public string ServiceId { get; set; } = "clarityconnect";

        /// <summary>The silo-to-silo port.</summary>
        public int SiloPort { get; set; } = 11111;

        /// <summary>The port Orleans clients (the telephony platform, the simulator, a standalone admin API) connect to.</summary>
        public int GatewayPort { get; set; } = 30000;

        /// <summary>The IP address other silos and clients reach this silo at (PostgreSql profile); the host's first address when empty.</summary>
        public string? AdvertisedIp { get; set; }

        /// <summary>
        /// The IP address the silo and gateway ports listen on (PostgreSql profile); the advertised address when empty.
        /// <c>0.0.0.0</c> listens on every interface. The embedded profile listens on loopback only.
        /// </summary>
        public string? ListenAddress { get; set; }

        /// <summary>Where the silo's certificate and the cluster CA are; the embedded profile makes its own in the data folder when empty.</summary>
        public ClarityConnect.ClusterClient.ClusterTlsSettings Tls { get; set; } = new();

        /// <summary>Run the Orleans ports without TLS when no certificates are configured: anyone who reaches them controls the cluster. Logged as a warning at every start.</summary>
        public bool AllowInsecureTransport { get; set; }

        /// <summary>
        /// How long a stopping silo (SIGTERM, Ctrl-C) may spend handing its grains, reminders and membership over before it
        /// stops at once (the host's <c>HostOptions.ShutdownTimeout</c>). A graceful stop takes a second or two; only calls
        /// stuck on a peer that died without leaving (they wait for Orleans' 30-second response timeout) make it longer.
        /// The process ends a few seconds after this: a container's stop grace period must be longer.
        /// </summary>
        public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(10);
    }
}
