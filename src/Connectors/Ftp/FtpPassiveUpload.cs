using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace ClarityConnect.Connectors.Ftp;

/// <summary>
/// One <c>STOR</c> over a passive data channel (<c>EPSV</c>, then <c>PASV</c>): connects the data channel, resumes the
/// control connection's TLS session on it when the session is protected, sends the bytes, closes TLS with
/// close_notify and the socket with FIN after the server closed its side, and reads the transfer's final reply.
/// </summary>
internal static class FtpPassiveUpload
{
    private const int CopyBufferSize = 81920;

    /// <summary>Stores <paramref name="content"/> as <paramref name="fileName"/> in the current directory.</summary>
    /// <param name="channel">The logged-in control channel.</param>
    /// <param name="tls">The control connection's TLS settings (null for plain FTP).</param>
    /// <param name="fileName">A sanitized file name.</param>
    /// <param name="content">The bytes to send, read to the end.</param>
    /// <param name="cancellationToken">Cancels the transfer.</param>
    /// <returns>The number of bytes sent.</returns>
    /// <exception cref="FtpContentReadException">Reading <paramref name="content"/> failed; the transfer was cut and the
    /// server's reply to that read.</exception>
    public static async Task<long> StoreAsync(
        FtpControlChannel channel, SslClientAuthenticationOptions? tls, string fileName, Stream content, CancellationToken cancellationToken)
    {
        var endpoint = await RequestPassiveEndpointAsync(channel, cancellationToken).ConfigureAwait(false);
        var dataClient = await ConnectAsync(endpoint, channel.Target.ConnectTimeout, cancellationToken).ConfigureAwait(false);
        Stream dataStream = dataClient.GetStream();
        long sent = 0;
        var completed = false;
        try
        {
            var started = await channel.ExecuteAsync($"STOR {fileName}", cancellationToken).ConfigureAwait(false);
            if (!started.IsPreliminary)
            {
                throw channel.Failure($"Storing '{fileName}'", started);
            }

            if (tls is not null)
            {
                // vsftpd (require_ssl_reuse=YES, its default) rejects a data channel whose TLS session is not a
                // resumption of the control connection's. .NET on Linux offers the session it cached for the target
                // host name (one per name and protocol set, process-wide), so the same options are used here and
                // FtpConnectionPool lets no other control connection to this name handshake meanwhile.
                var ssl = new SslStream(dataStream, leaveInnerStreamOpen: false);
                dataStream = ssl;
                await channel.WithTimeoutAsync(
                    token => ssl.AuthenticateAsClientAsync(tls, token),
                    "the data channel's TLS handshake",
                    cancellationToken).ConfigureAwait(false);
            }

            sent = await CopyAsync(channel, content, dataStream, cancellationToken).ConfigureAwait(false);
            if (dataStream is SslStream protectedStream)
            {
                // Without close_notify vsftpd cannot tell a complete upload from a cut one and answers 426.
                await channel.WithTimeoutAsync(_ => protectedStream.ShutdownAsync(), "closing the data channel's TLS", cancellationToken)
                    .ConfigureAwait(false);
            }

            dataClient.Client.Shutdown(SocketShutdown.Send);
            await DrainAsync(channel, dataStream, cancellationToken).ConfigureAwait(false);
            completed = true;
        }
        catch (FtpContentReadException)
        {
            // The caller's stream failed midway: cut the transfer and let the server report it, so the control
            // connection still works for removing the partial file.
            Abort(dataClient, dataStream);
            await channel.TryReadReplyAsync().ConfigureAwait(false);
            throw;
        }
        finally
        {
            if (completed)
            {
                await dataStream.DisposeAsync().ConfigureAwait(false);
                dataClient.Dispose();
            }
            else
            {
                Abort(dataClient, dataStream);
            }
        }

        var finished = await channel.ReadReplyAsync(cancellationToken).ConfigureAwait(false);
        if (finished.Code == 522 && tls is not null && IPAddress.TryParse(tls.TargetHost, out _))
        {
            throw new FtpException(
                $"Storing '{fileName}' on the FTP server {channel.Server} failed: '{finished.Text}'. The server requires the data "
                + "channel's TLS session to resume the control connection's, and .NET resumes TLS sessions only for a "
                + $"DNS host name, not an IP address: set {channel.Target.TrustSettingNames.TlsHostName} (or the host) to the DNS name in the "
                + "server's certificate.",
                isTransient: false, finished.Code, finished.Text);
        }

        if (finished.Code is not (226 or 250))
        {
            throw channel.Failure($"Storing '{fileName}'", finished);
        }

        return sent;
    }

    private static async Task<IPEndPoint> RequestPassiveEndpointAsync(FtpControlChannel channel, CancellationToken cancellationToken)
    {
        var extended = await channel.ExecuteAsync("EPSV", cancellationToken).ConfigureAwait(false);
        if (extended.Code == 229 && FtpPassiveEndpoint.FromEpsv(extended.Text, channel.Peer) is { } extendedEndpoint)
        {
            return extendedEndpoint;
        }

        if (extended.IsTransientFailure)
        {
            throw channel.Failure("Passive mode (EPSV)", extended);
        }

        var classic = await channel.ExecuteAsync("PASV", cancellationToken).ConfigureAwait(false);
        if (classic.Code == 227 && FtpPassiveEndpoint.FromPasv(classic.Text, channel.Peer) is { } endpoint)
        {
            return endpoint;
        }

        throw channel.Failure($"Passive mode (EPSV replied '{extended.Text}', then PASV)", classic);
    }

    private static async Task<TcpClient> ConnectAsync(IPEndPoint endpoint, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var client = new TcpClient(endpoint.AddressFamily);
        try
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(timeout);
            try
            {
                await client.ConnectAsync(endpoint, limit.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"Opening the FTP data connection to {endpoint} took longer than {timeout.TotalSeconds:0.#} s.");
            }

            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private static async Task<long> CopyAsync(FtpControlChannel channel, Stream content, Stream destination, CancellationToken cancellationToken)
    {
        var buffer = new byte[CopyBufferSize];
        long total = 0;
        while (true)
        {
            int read;
            try
            {
                read = await content.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                throw new FtpContentReadException(exception);
            }

            if (read == 0)
            {
                return total;
            }

            await channel.WithTimeoutAsync(
                token => destination.WriteAsync(buffer.AsMemory(0, read), token).AsTask(),
                "the data channel to accept data",
                cancellationToken).ConfigureAwait(false);
            total += read;
        }
    }

    private static async Task DrainAsync(FtpControlChannel channel, Stream dataStream, CancellationToken cancellationToken)
    {
        // Closing a socket with unread bytes in its receive buffer (the server's close_notify) sends RST instead of FIN,
        // and a server still reading the upload's tail then fails it (vsftpd: 426 Failure reading network stream). So
        // read until the server closes its side.
        var sink = new byte[4096];
        try
        {
            await channel.WithTimeoutAsync(
                async token =>
                {
                    while (await dataStream.ReadAsync(sink, token).ConfigureAwait(false) > 0)
                    {
                    }
                },
                "the server to close the data channel",
                cancellationToken).ConfigureAwait(false);
        }
        catch (IOException exception)
        {
            channel.Logger.LogDebug(exception, "FTP {Server}: the data channel closed abruptly after the upload", channel.Server);
        }
    }

    private static void Abort(TcpClient client, Stream dataStream)
    {
        // An abortive close (RST) tells the server the transfer was cut rather than complete.
        if (client.Client is { } socket)
        {
            try
            {
                socket.LingerState = new LingerOption(true, 0);
            }
            catch (Exception exception) when (exception is ObjectDisposedException or SocketException)
            {
            }
        }

        dataStream.Dispose();
        client.Dispose();
    }
}
