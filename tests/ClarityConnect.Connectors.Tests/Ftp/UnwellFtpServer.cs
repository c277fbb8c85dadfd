using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ClarityConnect.Connectors.Tests.Ftp;

/// <summary>
/// An FTP server on loopback that is unwell in one way: <see cref="Busy"/> answers every connection with
/// <c>421 Too many users</c> and hangs up (a transient failure, as when the server is overloaded); <see cref="Silent"/>
/// greets and then never answers a command. It counts the connections it accepted.
/// </summary>
internal sealed class UnwellFtpServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stopping = new();
    private readonly bool busy;
    private readonly Task accepting;
    private int connections;

    private UnwellFtpServer(bool busy)
    {
        this.busy = busy;
        listener.Start();
        accepting = AcceptAsync();
    }

    /// <summary>The loopback address.</summary>
    public string Host => "127.0.0.1";

    /// <summary>The control port.</summary>
    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>How many connections were accepted so far.</summary>
    public int Connections => Volatile.Read(ref connections);

    /// <summary>A server that refuses every connection with 421.</summary>
    public static UnwellFtpServer Busy() => new(busy: true);

    /// <summary>A server that greets, then stays silent.</summary>
    public static UnwellFtpServer Silent() => new(busy: false);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        try
        {
            await accepting;
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            var client = await listener.AcceptTcpClientAsync(stopping.Token);
            Interlocked.Increment(ref connections);
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                await stream.WriteAsync(Encoding.ASCII.GetBytes(busy ? "421 Too many users, try later\r\n" : "220 Ready\r\n"), stopping.Token);
                if (!busy)
                {
                    // Read what the client sends and never answer, until it hangs up or the server stops.
                    var sink = new byte[1024];
                    while (await stream.ReadAsync(sink, stopping.Token) > 0)
                    {
                    }
                }
            }
            catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client hung up, or the server is stopping.
            }
        }
    }
}
