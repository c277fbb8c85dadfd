namespace ClarityConnect.Simulator.Options;

/// <summary>
/// What the simulator does and which cluster it drives. Bound from the <see cref="SectionName"/> configuration
/// section, so every option can come from the command line, the environment (<c>ClarityConnect__Simulator__Sessions</c>)
/// or <c>appsettings.json</c>; the command line wins.
/// </summary>
public sealed class SimulatorOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "ClarityConnect:Simulator";

    /// <summary>The gateway used when neither <see cref="Gateway"/> nor <see cref="Postgres"/> is set (the embedded silo's).</summary>
    public const string DefaultGateway = "127.0.0.1:30000";

    /// <summary>A silo gateway as <c>host:port</c>; null means <see cref="DefaultGateway"/> unless <see cref="Postgres"/> is set.</summary>
    public string? Gateway { get; set; }

    /// <summary>A PostgreSQL connection string: find the gateways in the ADO.NET membership table instead of using <see cref="Gateway"/>.</summary>
    public string? Postgres { get; set; }

    /// <summary>The client certificate and the cluster CA for the cluster's mutual TLS (<c>ClarityConnect:Simulator:Tls:Directory</c>, …); see <see cref="ClarityConnect.ClusterClient.ClientCertificateLocator"/> for the default.</summary>
    public ClarityConnect.ClusterClient.ClusterTlsSettings Tls { get; set; } = new();

    /// <summary>Connect over plain TCP, to a cluster run with <c>ClarityConnect:Cluster:AllowInsecureTransport=true</c>.</summary>
    public bool AllowInsecureTransport { get; set; }

    /// <summary>The Orleans cluster id.</summary>
    public string ClusterId { get; set; } = "clarityconnect";

    /// <summary>The Orleans service id.</summary>
    public string ServiceId { get; set; } = "clarityconnect";

    /// <summary>How many sessions to run.</summary>
    public int Sessions { get; set; } = 200;

    /// <summary>How many sessions run at the same time.</summary>
    public int Concurrency { get; set; } = 20;

    /// <summary>How many agents take the sessions (each one at a time).</summary>
    public int Agents { get; set; } = 10;

    /// <summary>The share of sessions that are chats (0–1); the rest are voice calls.</summary>
    public double ChatShare { get; set; } = 0.3;

    /// <summary>The share of sessions the customer abandons before an agent answers (0–1).</summary>
    public double AbandonShare { get; set; } = 0.1;

    /// <summary>The share of sessions whose first offer the agent misses (0–1); the agent goes Away and the session is requeued.</summary>
    public double MissShare { get; set; } = 0.05;

    /// <summary>The chance that an agent takes a short break (Away) after a session (0–1).</summary>
    public double AwayShare { get; set; } = 0.05;

    /// <summary>The typical pause between two steps of a session, in milliseconds (randomised ±50%).</summary>
    public int ThinkMs { get; set; } = 20;

    /// <summary>How long one grain call may take before it counts as failed, in milliseconds.</summary>
    public int CallTimeoutMs { get; set; } = 10_000;

    /// <summary>How long a session keeps trying to re-read its state after a failed call (e.g. while a silo restarts), in milliseconds.</summary>
    public int RecoveryMs { get; set; } = 15_000;

    /// <summary>How long to wait for the cluster at start-up, in milliseconds.</summary>
    public int ConnectTimeoutMs { get; set; } = 15_000;

    /// <summary>The prefix of every session and agent id, so repeated runs do not collide; null means a new timestamp-based id.</summary>
    public string? RunId { get; set; }

    /// <summary>The seed of the random choices; null means a new random seed (printed, so a run can be repeated).</summary>
    public int? Seed { get; set; }
}
