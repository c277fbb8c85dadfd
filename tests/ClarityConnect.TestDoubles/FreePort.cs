using System.Net;
using System.Net.Sockets;

namespace ClarityConnect.TestDoubles;

/// <summary>Loopback ports nobody listens on: for silos, hosts and servers a test starts, and for "nothing answers here".</summary>
public static class FreePort
{
    /// <summary>A port the operating system just handed out and released (free until someone else takes it).</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
