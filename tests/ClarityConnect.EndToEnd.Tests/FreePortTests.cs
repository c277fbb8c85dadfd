using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ClarityConnect.TestDoubles;

namespace ClarityConnect.EndToEnd.Tests;

/// <summary>
/// The ports this suite hands to silo and admin processes: chosen here, bound there, so they must not be ones an
/// outgoing connection of any process can take meanwhile.
/// </summary>
public sealed class FreePortTests
{
    [Fact]
    public void Ports_are_distinct_bindable_and_outside_the_ephemeral_range()
    {
        var ports = Enumerable.Range(0, 200).Select(_ => FreePort.Next()).ToList();

        Assert.Equal(ports.Count, ports.Distinct().Count());
        Assert.All(ports, port => Assert.InRange(port, FreePort.Choices.Low, FreePort.Choices.High));
        if (EphemeralRange() is var (low, high))
        {
            Assert.True(FreePort.Choices.High < low || FreePort.Choices.Low > high, $"{FreePort.Choices} overlaps the ephemeral range {low}–{high}.");
        }

        using var listener = new TcpListener(IPAddress.Loopback, ports[^1]);
        listener.Start();
    }

    [Fact]
    public void A_port_someone_listens_on_is_never_handed_out()
    {
        // Occupy a stretch of the choices, then ask often enough that a chooser ignoring listeners would hit one.
        var occupied = new List<TcpListener>();
        try
        {
            for (var port = FreePort.Choices.Low; port < FreePort.Choices.Low + 300; port++)
            {
                var listener = new TcpListener(IPAddress.Loopback, port);
                try
                {
                    listener.Start();
                    occupied.Add(listener);
                }
                catch (SocketException)
                {
                    listener.Dispose(); // someone else's already: it counts as occupied just the same
                }
            }

            var handedOut = Enumerable.Range(0, 1_000).Select(_ => FreePort.Next()).ToHashSet();

            Assert.DoesNotContain(handedOut, port => port < FreePort.Choices.Low + 300);
        }
        finally
        {
            occupied.ForEach(listener => listener.Dispose());
        }
    }

    private static (int Low, int High)? EphemeralRange()
    {
        const string file = "/proc/sys/net/ipv4/ip_local_port_range";
        return File.Exists(file) && File.ReadAllText(file).Split((char[])['\t', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries) is [var low, var high]
            ? (int.Parse(low, CultureInfo.InvariantCulture), int.Parse(high, CultureInfo.InvariantCulture))
            : null;
    }
}
