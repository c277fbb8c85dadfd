using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Orleans.Configuration;
using Orleans.Hosting;

namespace ClarityConnect.AdminApi;

/// <summary>
/// How the standalone admin API finds the cluster, read from the same keys the silos use: with
/// <c>ClarityConnect:Storage:Profile=PostgreSql</c> the gateways come from the membership table at
/// <c>ClarityConnect:Storage:ConnectionString</c>; otherwise from <c>ClarityConnect:AdminApi:Gateways</c>
/// (<c>host:port</c> list), or the local silo's gateway port (<c>ClarityConnect:Cluster:GatewayPort</c>, 30000).
/// </summary>
public sealed record ClusterConnection(string ClusterId, string ServiceId, string? PostgresConnectionString, IReadOnlyList<IPEndPoint> Gateways, int LocalGatewayPort)
{
    /// <summary>Reads the connection from <paramref name="configuration"/>; the errors name each bad setting.</summary>
    public static (ClusterConnection? Connection, IReadOnlyList<string> Errors) Read(IConfiguration configuration)
    {
        var errors = new List<string>();
        var clusterId = configuration["ClarityConnect:Cluster:ClusterId"] ?? "clarityconnect";
        var serviceId = configuration["ClarityConnect:Cluster:ServiceId"] ?? "clarityconnect";
        var profile = configuration["ClarityConnect:Storage:Profile"] ?? "Embedded";
        string? postgres = null;
        if (profile.Equals("PostgreSql", StringComparison.OrdinalIgnoreCase))
        {
            postgres = configuration["ClarityConnect:Storage:ConnectionString"];
            if (string.IsNullOrWhiteSpace(postgres))
            {
                errors.Add("ClarityConnect:Storage:ConnectionString is required with ClarityConnect:Storage:Profile=PostgreSql.");
            }
        }
        else if (!profile.Equals("Embedded", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"ClarityConnect:Storage:Profile must be Embedded or PostgreSql, not '{profile}'.");
        }

        var port = 30000;
        if (configuration["ClarityConnect:Cluster:GatewayPort"] is { } portText && (!int.TryParse(portText, out port) || port is < 1 or > 65535))
        {
            errors.Add($"ClarityConnect:Cluster:GatewayPort must be a port number, not '{portText}'.");
        }

        var gateways = new List<IPEndPoint>();
        foreach (var gateway in configuration.GetSection($"{AdminApiOptions.Section}:Gateways").Get<string[]>() ?? [])
        {
            if (ParseGateway(gateway) is { } endpoint)
            {
                gateways.Add(endpoint);
            }
            else
            {
                errors.Add($"{AdminApiOptions.Section}:Gateways: '{gateway}' is not a reachable host:port.");
            }
        }

        return errors.Count > 0 ? (null, errors) : (new ClusterConnection(clusterId, serviceId, postgres, gateways, port), errors);
    }

    /// <summary>Where the cluster is, for the start-up log; never a password.</summary>
    public string Description => PostgresConnectionString is not null
        ? "the PostgreSQL membership table"
        : Gateways.Count > 0 ? "gateways " + string.Join(", ", Gateways) : $"the local silo's gateway on port {LocalGatewayPort}";

    /// <summary>Configures the Orleans client's clustering and ids.</summary>
    public void Configure(IClientBuilder client)
    {
        if (PostgresConnectionString is not null)
        {
            client.UseAdoNetClustering(o =>
            {
                o.Invariant = "Npgsql";
                o.ConnectionString = PostgresConnectionString;
            });
        }
        else if (Gateways.Count > 0)
        {
            client.UseStaticClustering(Gateways.ToArray());
        }
        else
        {
            client.UseLocalhostClustering(LocalGatewayPort, ServiceId, ClusterId);
        }

        client.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = ClusterId;
            o.ServiceId = ServiceId;
        });
    }

    private static IPEndPoint? ParseGateway(string text)
    {
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text[(colon + 1)..], out var port) || port is < 1 or > 65535)
        {
            return null;
        }

        var host = text[..colon].Trim('[', ']');
        try
        {
            var address = IPAddress.TryParse(host, out var ip) ? ip : Dns.GetHostAddresses(host).FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork);
            return address is null ? null : new IPEndPoint(address, port);
        }
        catch (SocketException)
        {
            return null;
        }
    }
}
