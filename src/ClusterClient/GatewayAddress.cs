using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ClarityConnect.ClusterClient;

/// <summary>A silo gateway given as <c>host:port</c> (<c>[::1]:30000</c> for an IPv6 literal).</summary>
/// <param name="Host">The host name or IP address.</param>
/// <param name="Port">The gateway port.</param>
public sealed record GatewayAddress(string Host, int Port)
{
    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="problem"/> says what is wrong.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out GatewayAddress? address, [NotNullWhen(false)] out string? problem)
    {
        address = null;
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || colon == text.Length - 1)
        {
            problem = $"'{text}' is not host:port (e.g. 127.0.0.1:30000)";
            return false;
        }

        var host = text[..colon].Trim();
        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            host = host[1..^1];
        }

        if (!int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            problem = $"'{text}' has no valid port (1-65535) after the last ':'";
            return false;
        }

        if (host.Length == 0)
        {
            problem = $"'{text}' has no host";
            return false;
        }

        address = new GatewayAddress(host, port);
        problem = null;
        return true;
    }

    /// <summary>Resolves the host (IPv4 preferred) to the endpoint the client connects to.</summary>
    public IPEndPoint Resolve()
    {
        if (IPAddress.TryParse(Host, out var literal))
        {
            return new IPEndPoint(literal, Port);
        }

        var addresses = Dns.GetHostAddresses(Host);
        var chosen = addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? addresses.FirstOrDefault()
            ?? throw new SocketException((int)SocketError.HostNotFound);
        return new IPEndPoint(chosen, Port);
    }

    /// <inheritdoc />
    public override string ToString() => Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]:{Port}" : $"{Host}:{Port}";
}
