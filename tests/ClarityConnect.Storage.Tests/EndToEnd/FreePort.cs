using System.Net;
using System.Net.Sockets;

namespace ClarityConnect.Storage.Tests.EndToEnd;

/// <summary>Loopback ports nobody listens on, for silos of the end-to-end tests.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
