using System.Net;
using System.Net.Sockets;
using ClarityConnect.Silo.Configuration;
using Microsoft.AspNetCore.Http;

namespace ClarityConnect.Silo.Startup;

/// <summary>
/// Checks, before the silo opens its database, that the ports it will listen on are free: the silo port, the gateway
/// port and each HTTP address in <c>Urls</c>. A taken port becomes one line naming the setting instead of a failed
/// start with Orleans' and Kestrel's stack traces.
/// </summary>
public static class ListenPorts
{
    /// <summary>The first port that cannot be opened, as a message naming its setting; <see langword="null"/> when all are free.</summary>
    public static string? FindUnavailable(ClarityConnectOptions options, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configuration);

        // UseLocalhostClustering listens on loopback; the PostgreSql profile on ListenAddress, else the advertised IP
        // (a host name is resolved by Orleans later: every address is the safe probe then).
        var listen = options.Cluster.ListenAddress ?? options.Cluster.AdvertisedIp;
        var cluster = options.Storage.Profile == StorageProfile.Embedded ? IPAddress.Loopback
            : IPAddress.TryParse(listen, out var address) ? address : IPAddress.Any;
        var endpoints = new List<(string Setting, IPEndPoint Endpoint)>
        {
            (ClarityConnectOptionsValidator.Name("Cluster:SiloPort"), new IPEndPoint(cluster, options.Cluster.SiloPort)),
            (ClarityConnectOptionsValidator.Name("Cluster:GatewayPort"), new IPEndPoint(cluster, options.Cluster.GatewayPort)),
        };
        foreach (var (setting, url) in HttpUrls(configuration))
        {
            endpoints.AddRange(HttpEndpoints(url).Select(endpoint => ($"{setting} ({url})", endpoint)));
        }

        foreach (var (setting, endpoint) in endpoints)
        {
            if (Probe(endpoint) is { } problem)
            {
                return $"{setting}: port {endpoint.Port} on {endpoint.Address} {problem}; stop the process that uses it or choose another port.";
            }
        }

        return null;
    }

    /// <summary>The HTTP addresses Kestrel will listen on, with the setting that gives each: <c>Urls</c>, else
    /// <c>HTTP_PORTS</c> / <c>HTTPS_PORTS</c> (every address), else Kestrel's default <c>http://localhost:5000</c>.</summary>
    private static IEnumerable<(string Setting, string Url)> HttpUrls(IConfiguration configuration)
    {
        static string[] Split(string? value) => (value ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var urls = Split(configuration[WebHostDefaults.ServerUrlsKey]);
        if (urls.Length > 0)
        {
            return urls.Select(u => ("Urls", u));
        }

        var ports = Split(configuration[WebHostDefaults.HttpPortsKey]).Select(p => ("HTTP_PORTS", $"http://*:{p}"))
            .Concat(Split(configuration[WebHostDefaults.HttpsPortsKey]).Select(p => ("HTTPS_PORTS", $"https://*:{p}")))
            .ToList();
        return ports.Count > 0 ? ports : [("Urls (not set: Kestrel's default)", "http://localhost:5000")];
    }

    /// <summary>Where Kestrel will listen for <paramref name="url"/>: both loopbacks for <c>localhost</c>, the address for an IP, every address otherwise.</summary>
    private static IEnumerable<IPEndPoint> HttpEndpoints(string url)
    {
        BindingAddress address;
        try
        {
            address = BindingAddress.Parse(url);
        }
        catch (FormatException)
        {
            // Kestrel reports a malformed URL itself, naming it.
            yield break;
        }

        if (address.IsNamedPipe || address.IsUnixPipe || address.Port == 0)
        {
            yield break;
        }

        var host = address.Host.Trim('[', ']');
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            yield return new IPEndPoint(IPAddress.Loopback, address.Port);
            if (Socket.OSSupportsIPv6)
            {
                yield return new IPEndPoint(IPAddress.IPv6Loopback, address.Port);
            }
        }
        else
        {
            yield return new IPEndPoint(IPAddress.TryParse(host, out var ip) ? ip : IPAddress.Any, address.Port);
        }
    }

    private static string? Probe(IPEndPoint endpoint)
    {
        try
        {
            using var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(endpoint);
            socket.Listen();
            return null;
        }
        catch (SocketException taken) when (taken.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return "is already in use by another process";
        }
        catch (SocketException refused) when (refused.SocketErrorCode == SocketError.AccessDenied)
        {
            return "may not be opened by this user (ports below 1024 need privileges)";
        }
        catch (SocketException other) when (other.SocketErrorCode == SocketError.AddressNotAvailable)
        {
            // Kestrel skips an IPv6 loopback the host does not have; anything else the server will report itself.
            return endpoint.Address.Equals(IPAddress.IPv6Loopback) ? null : "cannot be opened: the address is not one of this host's";
        }
    }
}
