using System.Text.RegularExpressions;
using ClarityConnect.ClusterClient;
using ClarityConnect.Simulator.Cluster;
using Npgsql;

namespace ClarityConnect.Simulator.Options;

/// <summary>Checks <see cref="SimulatorOptions"/> and names every bad option.</summary>
public static partial class SimulatorOptionsValidator
{
    /// <summary>The problems found, each naming its option; empty when the options are good.</summary>
    public static IReadOnlyList<string> Validate(SimulatorOptions options)
    {
        var problems = new List<string>();
        void AtLeast(string property, int value, int minimum)
        {
            if (value < minimum)
            {
                problems.Add($"{OptionCatalog.Describe(property)} must be at least {minimum}, got {value}.");
            }
        }

        void Share(string property, double value)
        {
            if (double.IsNaN(value) || value is < 0 or > 1)
            {
                problems.Add($"{OptionCatalog.Describe(property)} must be between 0 and 1, got {value}.");
            }
        }

        AtLeast(nameof(options.Sessions), options.Sessions, 1);
        AtLeast(nameof(options.Concurrency), options.Concurrency, 1);
        AtLeast(nameof(options.Agents), options.Agents, 1);
        AtLeast(nameof(options.ThinkMs), options.ThinkMs, 0);
        AtLeast(nameof(options.CallTimeoutMs), options.CallTimeoutMs, 100);
        AtLeast(nameof(options.RecoveryMs), options.RecoveryMs, 0);
        AtLeast(nameof(options.ConnectTimeoutMs), options.ConnectTimeoutMs, 0);
        Share(nameof(options.ChatShare), options.ChatShare);
        Share(nameof(options.AbandonShare), options.AbandonShare);
        Share(nameof(options.MissShare), options.MissShare);
        Share(nameof(options.AwayShare), options.AwayShare);

        if (string.IsNullOrWhiteSpace(options.ClusterId))
        {
            problems.Add($"{OptionCatalog.Describe(nameof(options.ClusterId))} must not be empty.");
        }

        if (string.IsNullOrWhiteSpace(options.ServiceId))
        {
            problems.Add($"{OptionCatalog.Describe(nameof(options.ServiceId))} must not be empty.");
        }

        if (options.RunId is { } runId && !RunIdPattern().IsMatch(runId))
        {
            problems.Add($"{OptionCatalog.Describe(nameof(options.RunId))} '{runId}' must be 1-40 letters, digits, '.', '_' or '-'.");
        }

        if (options.Gateway is not null && options.Postgres is not null)
        {
            problems.Add("--gateway and --postgres cannot be used together: give one way to find the cluster.");
        }

        if (options.Gateway is { } gateway && !GatewayAddress.TryParse(gateway, out _, out var gatewayProblem))
        {
            problems.Add($"{OptionCatalog.Describe(nameof(options.Gateway))}: {gatewayProblem}.");
        }

        if (!options.Tls.IsEmpty)
        {
            problems.AddRange(options.Tls.Problems(ClusterRole.Client, TlsOptionName));
        }

        if (options.Postgres is { } postgres)
        {
            try
            {
                _ = new NpgsqlConnectionStringBuilder(postgres);
            }
            catch (ArgumentException ex)
            {
                problems.Add($"{OptionCatalog.Describe(nameof(options.Postgres))}: not a valid PostgreSQL connection string ({ex.Message}).");
            }
        }

        return problems;
    }

    /// <summary>How the simulator names a TLS setting in messages, e.g. <c>--tls-ca (ClarityConnect:Simulator:Tls:CaFile)</c>.</summary>
    public static string TlsOptionName(string property) => OptionCatalog.Describe("Tls:" + property);

    [GeneratedRegex("^[A-Za-z0-9._-]{1,40}$")]
    private static partial Regex RunIdPattern();
}
