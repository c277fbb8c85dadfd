using System.Net;
using System.Net.Sockets;

namespace ClarityConnect.Bench.Cluster;

/// <summary>Free loopback ports, so the benchmark's silo never collides with a silo already running on the defaults.</summary>
public static class FreePort
{
    /// <summary>A port nothing listens on right now.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
