using System.CommandLine;
using System.Globalization;
using System.CommandLine.Parsing;

namespace ClarityConnect.Simulator.Options;

/// <summary>Every command-line option of the simulator, in the order the help lists them.</summary>
/// <remarks>
/// No option has a System.CommandLine default: a value given on the command line goes into the configuration (highest
/// precedence), and an absent one leaves the environment, <c>appsettings.json</c> or <see cref="SimulatorOptions"/>'s
/// own default in force. So the defaults are written in the descriptions.
/// </remarks>
public static class OptionCatalog
{
    /// <summary>The options.</summary>
    public static IReadOnlyList<OptionDefinition> All { get; } =
    [
        Text("--gateway", nameof(SimulatorOptions.Gateway), "HOST:PORT",
            $"Silo gateway to connect to (localhost clustering for a loopback address). Default {SimulatorOptions.DefaultGateway}."),
        Text("--postgres", nameof(SimulatorOptions.Postgres), "CONNSTR",
            "PostgreSQL connection string: find the gateways with ADO.NET clustering (invariant Npgsql) instead of --gateway."),
        Text("--tls-dir", "Tls:Directory", "DIR",
            "Folder with the cluster's ca.crt, client.crt and client.key. Default for a local gateway: the embedded silo's data/tls (./data/tls, or src/Silo/data/tls here or in a parent folder)."),
        Text("--tls-cert", "Tls:CertificateFile", "FILE", "Client certificate (PEM) for the cluster's mutual TLS, with --tls-key and --tls-ca."),
        Text("--tls-key", "Tls:KeyFile", "FILE", "Private key (PEM) of --tls-cert."),
        Text("--tls-pfx", "Tls:PfxFile", "FILE", "Client certificate and key as PKCS#12 (PFX), instead of --tls-cert and --tls-key."),
        Text("--tls-pfx-password", "Tls:PfxPassword", "PASSWORD", "Password of --tls-pfx (better: the environment variable ClarityConnect__Simulator__Tls__PfxPassword)."),
        Text("--tls-ca", "Tls:CaFile", "FILE", "The cluster CA certificate (PEM): the only CA the silos' certificates may chain to."),
        Typed<bool>("--allow-insecure-transport", nameof(SimulatorOptions.AllowInsecureTransport), "true|false",
            "Connect without TLS, to a cluster run with ClarityConnect:Cluster:AllowInsecureTransport=true. Default false."),
        Text("--cluster-id", nameof(SimulatorOptions.ClusterId), "ID", "Orleans cluster id. Default clarityconnect."),
        Text("--service-id", nameof(SimulatorOptions.ServiceId), "ID", "Orleans service id. Default clarityconnect."),
        Typed<int>("--sessions", nameof(SimulatorOptions.Sessions), "N", "Sessions to run. Default 200."),
        Typed<int>("--concurrency", nameof(SimulatorOptions.Concurrency), "N", "Sessions running at the same time. Default 20."),
        Typed<int>("--agents", nameof(SimulatorOptions.Agents), "N", "Agents taking the sessions, one at a time each. Default 10."),
        Share("--chat-share", nameof(SimulatorOptions.ChatShare), "Share of sessions that are chats (0-1). Default 0.3."),
        Share("--abandon-share", nameof(SimulatorOptions.AbandonShare), "Share of sessions abandoned before an agent answers (0-1). Default 0.1."),
        Share("--miss-share", nameof(SimulatorOptions.MissShare), "Share of sessions whose agent misses the offer (0-1). Default 0.05."),
        Share("--away-share", nameof(SimulatorOptions.AwayShare), "Chance an agent takes a short break after a session (0-1). Default 0.05."),
        Typed<int>("--think-ms", nameof(SimulatorOptions.ThinkMs), "MS", "Typical pause between two steps of a session (randomised +-50%). Default 20."),
        Typed<int>("--call-timeout-ms", nameof(SimulatorOptions.CallTimeoutMs), "MS", "Time one grain call may take before it counts as failed. Default 10000."),
        Typed<int>("--recovery-ms", nameof(SimulatorOptions.RecoveryMs), "MS", "Time a session keeps re-reading its state after a failed call. Default 15000."),
        Typed<int>("--connect-timeout-ms", nameof(SimulatorOptions.ConnectTimeoutMs), "MS", "Time to wait for the cluster at start-up. Default 15000."),
        Text("--run-id", nameof(SimulatorOptions.RunId), "ID", "Prefix of session and agent ids. Default: a new timestamp-based id."),
        Typed<int>("--seed", nameof(SimulatorOptions.Seed), "N", "Seed of the random choices. Default: a new random seed (printed)."),
    ];

    /// <summary>The option that sets <paramref name="property"/>, for error messages; the bare property name if none does.</summary>
    public static string NameOf(string property) =>
        All.FirstOrDefault(o => o.Property == property)?.Name ?? property;

    /// <summary>The option with its configuration key, e.g. <c>--sessions (ClarityConnect:Simulator:Sessions)</c>, for errors whose value may come from either.</summary>
    public static string Describe(string property) =>
        All.FirstOrDefault(o => o.Property == property) is { } option ? $"{option.Name} ({option.ConfigurationKey})" : property;

    private static OptionDefinition Typed<T>(string name, string property, string valueName, string description,
        Action<OptionResult>? check = null)
    {
        var option = new Option<T>(name) { HelpName = valueName, Description = description };
        if (check is not null)
        {
            option.Validators.Add(check);
        }

        return new OptionDefinition(option, property);
    }

    private static OptionDefinition Text(string name, string property, string valueName, string description) =>
        Typed<string>(name, property, valueName, description, result =>
        {
            if (string.IsNullOrWhiteSpace(result.GetValueOrDefault<string>()))
            {
                result.AddError($"{name} needs a non-empty value ({valueName}).");
            }
        });

    // A custom parser rather than a validator: validators also run after a failed conversion, and then cannot read the value.
    private static OptionDefinition Share(string name, string property, string description) =>
        new(new Option<double>(name)
        {
            HelpName = "X",
            Description = description,
            CustomParser = result =>
            {
                var text = result.Tokens[0].Value;
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var share) && share is >= 0 and <= 1)
                {
                    return share;
                }

                result.AddError($"{name}: '{text}' is not a number between 0 and 1 (use a dot, e.g. 0.25).");
                return 0;
            },
        }, property);
}
