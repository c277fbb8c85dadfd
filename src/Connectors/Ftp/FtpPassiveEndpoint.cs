using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace ClarityConnect.Connectors.Ftp;

/// <summary>
/// Where to open a passive-mode data connection, from an <c>EPSV</c> (229, RFC 2428) or <c>PASV</c> (227, RFC 959)
/// reply.
/// </summary>
internal static partial class FtpPassiveEndpoint
{
    /// <summary>
    /// Parses a 229 reply <c>Entering Extended Passive Mode (|||port|)</c>: the data connection goes to the control
    /// connection's peer address.
    /// </summary>
    /// <param name="replyText">The reply text.</param>
    /// <param name="controlPeer">The address the control connection is connected to.</param>
    /// <returns>The endpoint, or <see langword="null"/> when the reply cannot be parsed.</returns>
    public static IPEndPoint? FromEpsv(string replyText, IPAddress controlPeer)
    {
        var match = EpsvPattern().Match(replyText);
        return match.Success && int.TryParse(match.Groups["port"].Value, out var port) && port is > 0 and <= 65535
            ? new IPEndPoint(controlPeer, port)
            : null;
    }

    /// <summary>
    /// Parses a 227 reply <c>Entering Passive Mode (h1,h2,h3,h4,p1,p2)</c>. When the advertised address is private or
    /// unroutable (10/8, 172.16/12, 192.168/16, 127/8, 100.64/10, 169.254/16, 0.0.0.0) and differs from the control
    /// connection's peer, the peer is used instead: that is a server behind NAT advertising its inside address, which
    /// this machine cannot reach (the same rule FileZilla and FluentFTP apply).
    /// </summary>
    /// <param name="replyText">The reply text.</param>
    /// <param name="controlPeer">The address the control connection is connected to.</param>
    /// <returns>The endpoint, or <see langword="null"/> when the reply cannot be parsed.</returns>
    public static IPEndPoint? FromPasv(string replyText, IPAddress controlPeer)
    {
        var match = PasvPattern().Match(replyText);
        if (!match.Success)
        {
            return null;
        }

        var numbers = new byte[6];
        for (var i = 0; i < 6; i++)
        {
            if (!byte.TryParse(match.Groups[i + 1].Value, out numbers[i]))
            {
                return null;
            }
        }

        var advertised = new IPAddress(numbers.AsSpan(0, 4));
        var port = (numbers[4] << 8) | numbers[5];
        if (port == 0)
        {
            return null;
        }

        var peer = controlPeer.IsIPv4MappedToIPv6 ? controlPeer.MapToIPv4() : controlPeer;
        var address = !advertised.Equals(peer) && IsPrivateOrUnroutable(advertised) ? controlPeer : advertised;
        return new IPEndPoint(address, port);
    }

    /// <summary>Whether <paramref name="address"/> cannot be reached from outside its own network.</summary>
    /// <param name="address">An IPv4 or IPv6 address.</param>
    /// <returns><see langword="true"/> for private, loopback, link-local, shared and unspecified addresses.</returns>
    public static bool IsPrivateOrUnroutable(IPAddress address)
    {
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            if (address.IsIPv4MappedToIPv6)
            {
                return IsPrivateOrUnroutable(address.MapToIPv4());
            }

            var first = address.GetAddressBytes()[0];
            return IPAddress.IsLoopback(address) || address.Equals(IPAddress.IPv6Any) || address.IsIPv6LinkLocal
                || address.IsIPv6SiteLocal || (first & 0xFE) == 0xFC;
        }

        var b = address.GetAddressBytes();
        return b[0] is 0 or 10 or 127
            || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
            || (b[0] == 192 && b[1] == 168)
            || (b[0] == 169 && b[1] == 254)
            || (b[0] == 100 && b[1] >= 64 && b[1] <= 127);
    }

    [GeneratedRegex(@"\((?<d>[\x21-\x7E])\k<d>\k<d>(?<port>\d{1,5})\k<d>\)")]
    private static partial Regex EpsvPattern();

    [GeneratedRegex(@"(\d{1,3}),\s*(\d{1,3}),\s*(\d{1,3}),\s*(\d{1,3}),\s*(\d{1,3}),\s*(\d{1,3})")]
    private static partial Regex PasvPattern();
}
