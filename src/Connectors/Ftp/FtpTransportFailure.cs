using System.Net.Sockets;

namespace ClarityConnect.Connectors.Ftp;

/// <summary>Words a network failure under an FTP upload (no answer in time, unreachable, connection broken) as the
/// transient <see cref="FtpException"/> callers see, naming the server.</summary>
internal static class FtpTransportFailure
{
    /// <summary>The <see cref="FtpException"/> for <paramref name="failure"/>, or null when it is not a network failure.</summary>
    /// <param name="failure">What the connection threw.</param>
    /// <param name="server">The server as <c>host:port</c>.</param>
    public static FtpException? From(Exception failure, string server) => failure switch
    {
        TimeoutException timeout => new FtpException(timeout.Message, isTransient: true, innerException: timeout),
        SocketException socket => new FtpException(
            $"The FTP server {server} could not be reached: {socket.Message} ({socket.SocketErrorCode}).",
            isTransient: true,
            innerException: socket),
        IOException io => new FtpException(
            $"The connection to the FTP server {server} failed: {io.Message}",
            isTransient: true,
            innerException: io),
        _ => null,
    };
}
