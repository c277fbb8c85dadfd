using System.Diagnostics.Metrics;

namespace ClarityConnect.TestDoubles.Ftp;

/// <summary>
/// Counts the FTP control connections the product opens to one server (its <c>clarityconnect.ftp.connections</c>
/// metric, told apart by <c>server.port</c>), from creation until disposal: logins, and how many of them replaced a
/// kept connection the server had closed (the client's only retry).
/// </summary>
public sealed class FtpConnectionCount : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly int port;
    private long opened;
    private long reopened;

    /// <summary>Starts counting the connections to the server listening on <paramref name="port"/>.</summary>
    /// <param name="port">The server's control port.</param>
    public FtpConnectionCount(int port)
    {
        this.port = port;
        listener.InstrumentPublished = (instrument, meterListener) =>
        {
            if (instrument.Meter.Name == "ClarityConnect" && instrument.Name == "clarityconnect.ftp.connections")
            {
                meterListener.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) => Record(value, tags));
        listener.Start();
    }

    /// <summary>Control connections opened (logins), reopened ones included.</summary>
    public long Opened => Interlocked.Read(ref opened);

    /// <summary>Connections opened to replace a kept connection the server had closed.</summary>
    public long Reopened => Interlocked.Read(ref reopened);

    /// <inheritdoc />
    public void Dispose() => listener.Dispose();

    private void Record(long value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        int? serverPort = null;
        var replaced = false;
        foreach (var (key, tag) in tags)
        {
            if (key == "server.port")
            {
                serverPort = Convert.ToInt32(tag, System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (key == "clarityconnect.ftp.reopened")
            {
                replaced = tag is true;
            }
        }

        if (serverPort != port)
        {
            return;
        }

        Interlocked.Add(ref opened, value);
        if (replaced)
        {
            Interlocked.Add(ref reopened, value);
        }
    }
}
