using System.Net;
using System.Net.Sockets;

namespace ClarityConnect.TestDoubles.Ftp;

/// <summary>
/// What every scripted FTP double shares: a control port on loopback, one task per connection, and a stop that ends
/// them. A subclass says what a connection hears (<see cref="ServeAsync"/>).
/// </summary>
public abstract class LoopbackFtpServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stopping = new();
    private Task accepting = Task.CompletedTask;
    private int connections;

    /// <summary>The loopback address.</summary>
    public string Host => "127.0.0.1";

    /// <summary>The control port.</summary>
    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>How many connections were accepted so far.</summary>
    public int Connections => Volatile.Read(ref connections);

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
        GC.SuppressFinalize(this);
    }

    /// <summary>Starts listening; called once by the subclass's factory.</summary>
    protected void Listen()
    {
        listener.Start();
        accepting = AcceptAsync();
    }

    /// <summary>Talks to one client until it hangs up or <paramref name="stopping"/> fires.</summary>
    /// <param name="stream">The client's control connection.</param>
    /// <param name="stopping">Fires when the server stops.</param>
    protected abstract Task ServeAsync(NetworkStream stream, CancellationToken stopping);

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            var client = await listener.AcceptTcpClientAsync(stopping.Token);
            Interlocked.Increment(ref connections);
            _ = ServeClientAsync(client);
        }
    }

    private async Task ServeClientAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                await ServeAsync(client.GetStream(), stopping.Token);
            }
            catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client hung up, or the server is stopping.
            }
        }
    }
}
