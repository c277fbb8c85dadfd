using System.Net.Sockets;
using System.Text;
using ClarityConnect.TestDoubles.Ftp;

namespace ClarityConnect.Connectors.Tests.Ftp;

/// <summary>
/// An FTP server on loopback that is unwell in one way: <see cref="Busy"/> answers every connection with
/// <c>421 Too many users</c> and hangs up (a transient failure, as when the server is overloaded); <see cref="Silent"/>
/// greets and then never answers a command. It counts the connections it accepted.
/// </summary>
internal sealed class UnwellFtpServer : LoopbackFtpServer
{
    private readonly bool busy;

    private UnwellFtpServer(bool busy) => this.busy = busy;

    /// <summary>A server that refuses every connection with 421.</summary>
    public static UnwellFtpServer Busy() => Started(new(busy: true));

    /// <summary>A server that greets, then stays silent.</summary>
    public static UnwellFtpServer Silent() => Started(new(busy: false));

    /// <inheritdoc />
    protected override async Task ServeAsync(NetworkStream stream, CancellationToken stopping)
    {
        await stream.WriteAsync(Encoding.ASCII.GetBytes(busy ? "421 Too many users, try later\r\n" : "220 Ready\r\n"), stopping);
        if (!busy)
        {
            // Read what the client sends and never answer, until it hangs up or the server stops.
            var sink = new byte[1024];
            while (await stream.ReadAsync(sink, stopping) > 0)
            {
            }
        }
    }

    private static UnwellFtpServer Started(UnwellFtpServer server)
    {
        server.Listen();
        return server;
    }
}
