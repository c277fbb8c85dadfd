using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ClarityConnect.Abstractions.Integrations;

/// <summary>
/// The one parser of <c>host</c>, <c>host:port</c>, <c>[IPv6]</c> and <c>[IPv6]:port</c> the settings rules use, for
/// host fields and for the authority of URLs alike, so that both refuse the same addresses.
/// </summary>
internal static class NetworkAddress
{
    /// <summary>The longest <c>host:port</c>: a 253-character DNS name and <c>:65535</c>.</summary>
    public const int MaxLength = 259;

    // Cloud metadata services by name (GCP, AWS); their addresses are refused below.
    private static readonly HashSet<string> MetadataNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "metadata", "metadata.google.internal", "metadata.goog", "instance-data", "instance-data.ec2.internal",
    };

    /// <summary>
    /// What is wrong with <paramref name="value"/> as <c>host[:port]</c>, or null. <paramref name="webPort"/>: the
    /// address is that of an http(s) URL, whose port must be the scheme's default or an unprivileged one (1024 and up),
    /// so that a URL cannot aim at another well-known service (SSH on 22, SMTP on 25, …).
    /// </summary>
    public static string? Check(string value, bool webPort, out bool loopback)
    {
        loopback = false;
        if (value.Length == 0)
        {
            return "has no host";
        }

        string host;
        string? portText = null;
        IPAddress? address = null;
        if (value[0] == '[')
        {
            var close = value.IndexOf(']');
            if (close < 0)
            {
                return "has an IPv6 address without its closing bracket";
            }

            var inner = value[1..close];
            if (inner.Contains('%') || !IPAddress.TryParse(inner, out address) || address.AddressFamily != AddressFamily.InterNetworkV6)
            {
                return "is not a valid IPv6 address in brackets, e.g. [2001:db8::10]";
            }

            host = value[..(close + 1)];
            var after = value[(close + 1)..];
            if (after.Length > 0)
            {
                if (after[0] != ':')
                {
                    return "has text after the IPv6 address; only :port may follow it";
                }

                portText = after[1..];
            }
        }
        else
        {
            var colons = value.Count(c => c == ':');
            if (colons > 1)
            {
                return "is an IPv6 address without brackets; write it as [address] or [address]:port";
            }

            var colon = value.IndexOf(':');
            host = colon < 0 ? value : value[..colon];
            portText = colon < 0 ? null : value[(colon + 1)..];
            if (host.Length == 0)
            {
                return "has no host before the port";
            }

            if (LooksNumeric(host))
            {
                if (!TryParseDottedQuad(host, out address))
                {
                    return "is not a valid IPv4 address; write it as four numbers from 0 to 255, e.g. 192.0.2.10";
                }
            }
            else if (HostName(host) is { } nameError)
            {
                return nameError;
            }
        }

        if (portText is not null && Port(portText, webPort) is { } portError)
        {
            return portError;
        }

        if (address is not null)
        {
            loopback = IPAddress.IsLoopback(address) && !address.IsIPv4MappedToIPv6;
            return Refused(address);
        }

        loopback = host.Equals("localhost", StringComparison.OrdinalIgnoreCase);
        return MetadataNames.Contains(host) ? "names a cloud metadata service" : null;
    }

    /// <summary>Whether <paramref name="host"/> (already accepted by <see cref="Check"/>) is an IP address rather than a name.</summary>
    public static bool IsIpAddress(string host) => host.StartsWith('[') || LooksNumeric(host);

    private static string? Port(string text, bool webPort)
    {
        if (text.Length is 0 or > 5 || text.Any(c => c is < '0' or > '9') || text[0] == '0')
        {
            return "has an invalid port; a port is a number from 1 to 65535";
        }

        var port = int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
        if (port > 65535)
        {
            return "has an invalid port; a port is a number from 1 to 65535";
        }

        return webPort && port < 1024 && port is not (443 or 80)
            ? $"uses port {port}, a well-known service port; use 443 or a port from 1024 up"
            : null;
    }

    private static string? HostName(string host)
    {
        if (host.Length > 253)
        {
            return "is longer than a host name may be (253 characters)";
        }

        if (host.StartsWith('.') || host.EndsWith('.') || host.Contains("..", StringComparison.Ordinal))
        {
            return "has an empty label; write the host name without leading, trailing or doubled dots";
        }

        string ascii;
        try
        {
            ascii = new IdnMapping { UseStd3AsciiRules = true, AllowUnassigned = false }.GetAscii(host);
        }
        catch (ArgumentException)
        {
            return "is not a host name: letters, digits and hyphens in dot-separated labels (an internationalized name must be valid IDNA), or an IP address";
        }

        if (SettingText.IsVisibleAscii(host))
        {
            return ascii.Equals(host, StringComparison.OrdinalIgnoreCase) ? null : "is not a host name in its registered form";
        }

        // IDNA maps some characters silently (full-width letters, soft hyphens, zero-width spaces): such a name is
        // not the name that will be looked up, so it is refused rather than stored.
        var unicode = new IdnMapping { UseStd3AsciiRules = true }.GetUnicode(ascii);
        if (!unicode.Equals(host, StringComparison.OrdinalIgnoreCase))
        {
            return "contains characters IDNA would change or drop (full-width letters, soft hyphens and the like); write the name as registered";
        }

        // A dotless Unicode name cannot be in the DNS an integration reaches; it is text typed into the wrong field.
        return host.Contains('.') ? null : "is an internationalized name without a domain; write the full name, e.g. bücher.example";
    }

    // WHATWG's "ends in a number": such a host is parsed as IPv4 by browsers and by System.Uri (2852039166,
    // 0xA9FEA9FE, 0251.0376.0251.0376 all mean 169.254.169.254), so only the canonical dotted quad is accepted.
    private static bool LooksNumeric(string host)
    {
        var last = host[(host.LastIndexOf('.') + 1)..];
        // Digits of any script count: a name whose last label is all digits is no DNS name (RFC 3696, section 2).
        return last.Length > 0 && (last.All(char.IsDigit) || last.StartsWith("0x", StringComparison.OrdinalIgnoreCase));
    }

    private static bool TryParseDottedQuad(string host, out IPAddress? address)
    {
        address = null;
        var parts = host.Split('.');
        if (parts.Length != 4)
        {
            return false;
        }

        foreach (var part in parts)
        {
            if (part.Length is 0 or > 3 || part.Any(c => c is < '0' or > '9') || (part.Length > 1 && part[0] == '0')
                || int.Parse(part, NumberStyles.None, CultureInfo.InvariantCulture) > 255)
            {
                return false;
            }
        }

        address = IPAddress.Parse(host);
        return true;
    }

    /// <summary>Why <paramref name="address"/> may not be used, or null: the addresses cloud metadata services and other machines' private links answer on.</summary>
    private static string? Refused(IPAddress address)
    {
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var v6 = address.GetAddressBytes();
            if (address.IsIPv4MappedToIPv6 || IsPrefix(v6, 12, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]) && !IPAddress.IPv6Loopback.Equals(address)
                && !IPAddress.IPv6Any.Equals(address)
                || IsPrefix(v6, 12, [0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0]))
            {
                // IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) forms reach the IPv4 address inside.
                return Refused(new IPAddress(v6.AsSpan(12)));
            }

            if (IPAddress.IPv6Any.Equals(address))
            {
                return "is the unspecified address (::), not a host";
            }

            if (address.IsIPv6LinkLocal || address.IsIPv6SiteLocal)
            {
                return "is a link-local address (fe80::/10); not allowed";
            }

            if (address.IsIPv6Multicast)
            {
                return "is a multicast address; not allowed";
            }

            return address.Equals(IPAddress.Parse("fd00:ec2::254")) ? "is a cloud metadata service address; not allowed" : null;
        }

        var v4 = address.GetAddressBytes();
        return v4 switch
        {
            [0, ..] => "is in 0.0.0.0/8 (\"this network\"), not a host; not allowed",
            [169, 254, ..] => "is a link-local address (169.254.0.0/16, where cloud metadata services answer); not allowed",
            [>= 224, ..] => "is a multicast, reserved or broadcast address; not allowed",
            [100, 100, 100, 200] or [168, 63, 129, 16] => "is a cloud metadata service address; not allowed",
            _ => null,
        };
    }

    private static bool IsPrefix(byte[] bytes, int length, byte[] prefix) => bytes.AsSpan(0, length).SequenceEqual(prefix);
}
