namespace ClarityConnect.Simulator.Options;

/// <summary>Every command-line option of the simulator, in the order the help lists them.</summary>
public static class OptionCatalog
{
    /// <summary>The options.</summary>
    public static IReadOnlyList<OptionDefinition> All { get; } =
    [
        new("--gateway", nameof(SimulatorOptions.Gateway), OptionValueKind.Text, "HOST:PORT",
            $"Silo gateway to connect to (localhost clustering for a loopback address). Default {SimulatorOptions.DefaultGateway}."),
        new("--postgres", nameof(SimulatorOptions.Postgres), OptionValueKind.Text, "CONNSTR",
            "PostgreSQL connection string: find the gateways with ADO.NET clustering (invariant Npgsql) instead of --gateway."),
        new("--tls-dir", "Tls:Directory", OptionValueKind.Text, "DIR",
            "Folder with the cluster's ca.crt, client.crt and client.key. Default for a local gateway: the embedded silo's data/tls (./data/tls, or src/Silo/data/tls here or in a parent folder)."),
        new("--tls-cert", "Tls:CertificateFile", OptionValueKind.Text, "FILE", "Client certificate (PEM) for the cluster's mutual TLS, with --tls-key and --tls-ca."),
        new("--tls-key", "Tls:KeyFile", OptionValueKind.Text, "FILE", "Private key (PEM) of --tls-cert."),
        new("--tls-pfx", "Tls:PfxFile", OptionValueKind.Text, "FILE", "Client certificate and key as PKCS#12 (PFX), instead of --tls-cert and --tls-key."),
        new("--tls-pfx-password", "Tls:PfxPassword", OptionValueKind.Text, "PASSWORD", "Password of --tls-pfx (better: the environment variable ClarityConnect__Simulator__Tls__PfxPassword)."),
        new("--tls-ca", "Tls:CaFile", OptionValueKind.Text, "FILE", "The cluster CA certificate (PEM): the only CA the silos' certificates may chain to."),
        new("--allow-insecure-transport", nameof(SimulatorOptions.AllowInsecureTransport), OptionValueKind.Boolean, "true|false",
            "Connect without TLS, to a cluster run with ClarityConnect:Cluster:AllowInsecureTransport=true. Default false."),
        new("--cluster-id", nameof(SimulatorOptions.ClusterId), OptionValueKind.Text, "ID", "Orleans cluster id. Default clarityconnect."),
        new("--service-id", nameof(SimulatorOptions.ServiceId), OptionValueKind.Text, "ID", "Orleans service id. Default clarityconnect."),
        new("--sessions", nameof(SimulatorOptions.Sessions), OptionValueKind.WholeNumber, "N", "Sessions to run. Default 200."),
        new("--concurrency", nameof(SimulatorOptions.Concurrency), OptionValueKind.WholeNumber, "N", "Sessions running at the same time. Default 20."),
        new("--agents", nameof(SimulatorOptions.Agents), OptionValueKind.WholeNumber, "N", "Agents taking the sessions, one at a time each. Default 10."),
        new("--chat-share", nameof(SimulatorOptions.ChatShare), OptionValueKind.Share, "X", "Share of sessions that are chats (0-1). Default 0.3."),
        new("--abandon-share", nameof(SimulatorOptions.AbandonShare), OptionValueKind.Share, "X", "Share of sessions abandoned before an agent answers (0-1). Default 0.1."),
        new("--miss-share", nameof(SimulatorOptions.MissShare), OptionValueKind.Share, "X", "Share of sessions whose agent misses the offer (0-1). Default 0.05."),
        new("--away-share", nameof(SimulatorOptions.AwayShare), OptionValueKind.Share, "X", "Chance an agent takes a short break after a session (0-1). Default 0.05."),
        new("--think-ms", nameof(SimulatorOptions.ThinkMs), OptionValueKind.WholeNumber, "MS", "Typical pause between two steps of a session (randomised +-50%). Default 20."),
        new("--call-timeout-ms", nameof(SimulatorOptions.CallTimeoutMs), OptionValueKind.WholeNumber, "MS", "Time one grain call may take before it counts as failed. Default 10000."),
        new("--recovery-ms", nameof(SimulatorOptions.RecoveryMs), OptionValueKind.WholeNumber, "MS", "Time a session keeps re-reading its state after a failed call. Default 15000."),
        new("--connect-timeout-ms", nameof(SimulatorOptions.ConnectTimeoutMs), OptionValueKind.WholeNumber, "MS", "Time to wait for the cluster at start-up. Default 15000."),
        new("--run-id", nameof(SimulatorOptions.RunId), OptionValueKind.Text, "ID", "Prefix of session and agent ids. Default: a new timestamp-based id."),
        new("--seed", nameof(SimulatorOptions.Seed), OptionValueKind.WholeNumber, "N", "Seed of the random choices. Default: a new random seed (printed)."),
    ];

    /// <summary>The option that sets <paramref name="property"/>, for error messages; the bare property name if none does.</summary>
    public static string NameOf(string property) =>
        All.FirstOrDefault(o => o.Property == property)?.Name ?? property;

    /// <summary>The option with its configuration key, e.g. <c>--sessions (ClarityConnect:Simulator:Sessions)</c>, for errors whose value may come from either.</summary>
    public static string Describe(string property) =>
        All.FirstOrDefault(o => o.Property == property) is { } option ? $"{option.Name} ({option.ConfigurationKey})" : property;
}
