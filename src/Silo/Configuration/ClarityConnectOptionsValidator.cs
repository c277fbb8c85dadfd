using System.Net;
using Microsoft.Extensions.Options;

namespace ClarityConnect.Silo.Configuration;

/// <summary>
/// Checks the silo settings at start-up; each error names the setting and its environment variable. They decide how the
/// host is built, so <see cref="ClarityConnectOptionsLoader"/> runs this validator before the host exists rather than
/// through <c>ValidateOnStart</c>.
/// </summary>
public sealed class ClarityConnectOptionsValidator : IValidateOptions<ClarityConnectOptions>
{
    /// <inheritdoc />
    ValidateOptionsResult IValidateOptions<ClarityConnectOptions>.Validate(string? name, ClarityConnectOptions options) =>
        Validate(options) is { Count: > 0 } errors ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;

    /// <summary>The problems with <paramref name="options"/>; empty when they are usable.</summary>
    public static List<string> Validate(ClarityConnectOptions options)
    {
        var errors = new List<string>();
        var storage = options.Storage;
        var cluster = options.Cluster;
        if (!Enum.IsDefined(storage.Profile))
        {
            errors.Add(Setting("Storage:Profile", $"must be Embedded or PostgreSql, not '{storage.Profile}'"));
        }

        if (storage.Profile == StorageProfile.Embedded && string.IsNullOrWhiteSpace(storage.DataDirectory))
        {
            errors.Add(Setting("Storage:DataDirectory", "is required for the Embedded profile"));
        }

        if (storage.Profile == StorageProfile.PostgreSql)
        {
            if (string.IsNullOrWhiteSpace(storage.ConnectionString))
            {
                errors.Add(Setting("Storage:ConnectionString", "is required for the PostgreSql profile"));
            }
            else
            {
                try
                {
                    _ = new Npgsql.NpgsqlConnectionStringBuilder(storage.ConnectionString);
                }
                catch (ArgumentException invalid)
                {
                    errors.Add(Setting("Storage:ConnectionString", $"is not a valid PostgreSQL connection string ({invalid.Message})"));
                }
            }
        }

        if (string.IsNullOrWhiteSpace(cluster.ClusterId))
        {
            errors.Add(Setting("Cluster:ClusterId", "is required"));
        }

        if (string.IsNullOrWhiteSpace(cluster.ServiceId))
        {
            errors.Add(Setting("Cluster:ServiceId", "is required"));
        }

        foreach (var (name, port) in new[] { ("Cluster:SiloPort", cluster.SiloPort), ("Cluster:GatewayPort", cluster.GatewayPort) })
        {
            if (port is < 1 or > 65535)
            {
                errors.Add(Setting(name, $"is {port}; a port is between 1 and 65535"));
            }
        }

        if (cluster.SiloPort == cluster.GatewayPort)
        {
            errors.Add(Setting("Cluster:GatewayPort", $"must differ from Cluster:SiloPort ({cluster.SiloPort})"));
        }

        if (!string.IsNullOrWhiteSpace(cluster.AdvertisedIp) && !IPAddress.TryParse(cluster.AdvertisedIp, out _))
        {
            errors.Add(Setting("Cluster:AdvertisedIp", $"'{cluster.AdvertisedIp}' is not an IP address"));
        }

        if (!string.IsNullOrWhiteSpace(cluster.ListenAddress))
        {
            if (!IPAddress.TryParse(cluster.ListenAddress, out var listen))
            {
                errors.Add(Setting("Cluster:ListenAddress", $"'{cluster.ListenAddress}' is not an IP address"));
            }
            else if (storage.Profile == StorageProfile.Embedded && !IPAddress.IsLoopback(listen))
            {
                errors.Add(Setting("Cluster:ListenAddress", $"is {listen}; the Embedded profile listens on loopback only (use the PostgreSql profile for a cluster reachable from other hosts)"));
            }
        }

        if (cluster.ShutdownTimeout < TimeSpan.FromSeconds(1) || cluster.ShutdownTimeout > TimeSpan.FromMinutes(5))
        {
            errors.Add(Setting("Cluster:ShutdownTimeout", $"is {cluster.ShutdownTimeout}; it must be between 1 second and 5 minutes"));
        }

        return errors;
    }

    private static string Setting(string path, string problem) => $"{Name(path)} {problem}.";

    /// <summary>A silo setting as an operator types it: <c>ClarityConnect:{path}</c> and its environment variable.</summary>
    public static string Name(string path) => $"ClarityConnect:{path} (environment variable ClarityConnect__{path.Replace(":", "__")})";
}
