using System.Net;
using System.Net.Sockets;
using ClarityConnect.ClusterClient;
using Microsoft.Extensions.Configuration;

namespace ClarityConnect.AdminApi;

/// <summary>
/// Reads how the standalone admin API finds the cluster from the same keys the silos use: with
/// <c>ClarityConnect:Storage:Profile=PostgreSql</c> the gateways come from the membership table at
/// <c>ClarityConnect:Storage:ConnectionString</c>; otherwise from <c>ClarityConnect:AdminApi:Gateways</c>
/// (<c>host:port</c> list), or the local silo's gateway port (<c>ClarityConnect:Cluster:GatewayPort</c>, 30000). The client
/// certificate for the cluster's mutual TLS comes from <c>ClarityConnect:Cluster:Tls</c> (the keys the silos use for
/// theirs) or, for a local gateway with nothing configured, from the embedded silo's <c>data/tls</c> folder.
/// </summary>
public static class ClusterConnectionSettings
{
    /// <summary>The connection <paramref name="configuration"/> names, or the errors naming each bad setting.</summary>
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
            if (Resolve(gateway) is { } endpoint)
            {
                gateways.Add(endpoint);
            }
            else
            {
                errors.Add($"{AdminApiOptions.Section}:Gateways: '{gateway}' is not a reachable host:port.");
            }
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        IReadOnlyList<IPEndPoint> endpoints = gateways.Count > 0 ? gateways : [new IPEndPoint(IPAddress.Loopback, port)];
        ClusterCertificates? certificates;
        try
        {
            certificates = ReadCertificates(configuration, postgres is null && endpoints.All(e => IPAddress.IsLoopback(e.Address)));
        }
        catch (InvalidOperationException invalid)
        {
            return (null, [invalid.Message]);
        }

        return (new ClusterConnection
        {
            ClusterId = clusterId,
            ServiceId = serviceId,
            PostgresConnectionString = postgres,
            Gateways = endpoints,
            Certificates = certificates,
        }, errors);
    }

    // The client certificate, from ClarityConnect:Cluster:Tls as the silos' own; for a gateway on this machine, the
    // embedded silo's data/tls when nothing is configured.
    private static ClusterCertificates? ReadCertificates(IConfiguration configuration, bool localGateway)
    {
        var insecureText = configuration[ClientSettingNames.Configuration.AllowInsecureTransport];
        if (insecureText is not null && !bool.TryParse(insecureText, out _))
        {
            throw new InvalidOperationException($"{ClientSettingNames.Configuration.AllowInsecureTransport} must be true or false, not '{insecureText}'.");
        }

        var settings = configuration.GetSection(ClusterTlsSettings.Section).Get<ClusterTlsSettings>() ?? new ClusterTlsSettings();
        return ClientCertificateLocator.Resolve(
            settings, insecureText is not null && bool.Parse(insecureText), localGateway, ClientSettingNames.Configuration, Directory.GetCurrentDirectory());
    }

    private static IPEndPoint? Resolve(string text)
    {
        if (!GatewayAddress.TryParse(text, out var address, out _))
        {
            return null;
        }

        try
        {
            return address.Resolve();
        }
        catch (SocketException)
        {
            return null;
        }
    }
}
