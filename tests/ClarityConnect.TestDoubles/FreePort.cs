using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ClarityConnect.TestDoubles;

/// <summary>Loopback ports nobody listens on: for silos, hosts and servers a test starts, and for "nothing answers here".</summary>
/// <remarks>
/// A port handed to another process (a silo, vsftpd) is chosen here and bound there, so it must stay free in between.
/// The operating system's own choice (binding port 0) comes from the ephemeral range, from which every outgoing
/// connection of every process on the machine also takes its local port: with test assemblies running side by side, a
/// silo then found its port taken by someone's HTTP client ("address already in use"). So the ports come from below
/// the ephemeral range, where only explicit binds go, picked at random (test processes running side by side do not
/// walk the same sequence) and never twice in one process.
/// </remarks>
public static class FreePort
{
    private const int LowestPort = 10_000;

    private static readonly ConcurrentDictionary<int, bool> HandedOut = new();

    private static readonly (int Low, int High) Range = OutsideEphemeralRange();

    /// <summary>A port no one listens on, outside the ephemeral range and not handed out before by this process.</summary>
    public static int Next()
    {
        for (var attempt = 0; attempt < 1_000; attempt++)
        {
            var port = Random.Shared.Next(Range.Low, Range.High + 1);
            if (HandedOut.TryAdd(port, true) && IsFree(port))
            {
                return port;
            }
        }

        throw new InvalidOperationException($"No free loopback port between {Range.Low} and {Range.High} after 1,000 tries.");
    }

    /// <summary>The ports <see cref="Next"/> chooses from.</summary>
    public static (int Low, int High) Choices => Range;

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    // Linux names the ephemeral range in /proc; elsewhere the IANA range (49152–65535) is the usual one.
    private static (int Low, int High) OutsideEphemeralRange()
    {
        var (low, high) = (49_152, 65_535);
        const string file = "/proc/sys/net/ipv4/ip_local_port_range";
        if (File.Exists(file)
            && File.ReadAllText(file).Split((char[])['\t', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries) is [var first, var last]
            && int.TryParse(first, CultureInfo.InvariantCulture, out var l)
            && int.TryParse(last, CultureInfo.InvariantCulture, out var h))
        {
            (low, high) = (l, h);
        }

        return low - 1 - LowestPort >= 1_000 ? (LowestPort, low - 1)
            : IPEndPoint.MaxPort - high >= 1_000 ? (high + 1, IPEndPoint.MaxPort)
            : (1_024, IPEndPoint.MaxPort); // no room outside it: the race is back, but ports are still found
    }
}
