// Over 350 lines because it is one FTP control connection (AUTH TLS with session reuse, passive data transfer, the commands an upload needs); the split by job named in issue 17 is not done yet.
using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;
using ClarityConnect.Connectors.Security;
using Microsoft.Extensions.Logging;

namespace ClarityConnect.Connectors.Ftp;

/// <summary>
/// One logged-in FTP control connection and the commands <see cref="FtpClientUploader"/> needs. Network errors surface
/// as <see cref="SocketException"/> / <see cref="IOException"/> / <see cref="TimeoutException"/>; protocol failures as
/// <see cref="FtpException"/>. A connection serves several uploads in turn (<see cref="FtpConnectionPool"/>): it remembers
/// its login directory and the directory it is in, so each upload starts from the right place.
/// </summary>
internal sealed class FtpConnection : IAsyncDisposable
{
    private const int CopyBufferSize = 81920;

    private readonly FtpTarget target;
    private readonly ILogger logger;
    private readonly TcpClient control;
    private readonly FtpReplyReader reader;
    private readonly IPAddress controlPeer;
    private readonly SecretRedactor redactor;
    private SslClientAuthenticationOptions? tlsOptions;
    private Stream stream;
    private string? loginDirectory;
    private FtpDirectory? currentDirectory = FtpDirectory.Login;

    private FtpConnection(FtpTarget target, ILogger logger, TcpClient control)
    {
        this.target = target;
        this.logger = logger;
        this.control = control;
        // Servers quote commands back in replies (530 … PASS …): every reply is cleaned as it is read, so no log
        // line, exception or stored error built from it can carry the password.
        redactor = SecretRedactor.None.WithBasic(target.Username, target.Password);
        stream = control.GetStream();
        reader = new FtpReplyReader(stream);
        // A dual-stack socket reports an IPv4 peer as ::ffff:a.b.c.d; the data connection needs the plain IPv4 form.
        var peer = ((IPEndPoint)control.Client.RemoteEndPoint!).Address;
        controlPeer = peer.IsIPv4MappedToIPv6 ? peer.MapToIPv4() : peer;
    }

    private string Server => $"{target.Host}:{target.Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The target the connection logged in to.</summary>
    public FtpTarget Target => target;

    /// <summary>
    /// Commands sent since <see cref="ResetCommandCount"/>: a reused connection that fails on its first command was
    /// closed by the server while idle, so nothing of the upload happened yet and a new connection can redo it.
    /// </summary>
    public int CommandCount { get; private set; }

    /// <summary>
    /// Whether the connection can serve another upload: it knows its login directory and the directory it is in (a
    /// failure midway through changing directories leaves that unknown).
    /// </summary>
    public bool IsReusable => loginDirectory is not null && currentDirectory is not null;

    /// <summary>
    /// Connects, reads the greeting, negotiates TLS when the target requires it, logs in, protects the data channel and
    /// switches to binary mode.
    /// </summary>
    /// <param name="target">The server.</param>
    /// <param name="logger">Where commands and replies are logged (the password never is).</param>
    /// <param name="cancellationToken">Cancels the whole operation.</param>
    /// <returns>The logged-in connection.</returns>
    public static async Task<FtpConnection> OpenAsync(FtpTarget target, ILogger logger, CancellationToken cancellationToken)
    {
        var control = await ConnectAsync(target.Host, target.Port, target.ConnectTimeout, cancellationToken).ConfigureAwait(false);
        var connection = new FtpConnection(target, logger, control);
        try
        {
            await connection.HandshakeAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Starts counting <see cref="CommandCount"/> from zero, when the connection is handed to an upload.</summary>
    public void ResetCommandCount() => CommandCount = 0;

    /// <summary>
    /// Makes <paramref name="directory"/> the current directory, creating the segments that are missing. Nothing is sent
    /// when it already is (the files of one export share a directory).
    /// </summary>
    /// <param name="directory">Where the upload goes.</param>
    /// <param name="cancellationToken">Cancels the commands.</param>
    /// <returns>A task that completes when the directory is the current one.</returns>
    public async Task EnterDirectoryAsync(FtpDirectory directory, CancellationToken cancellationToken)
    {
        if (currentDirectory is { } current && current.Equals(directory))
        {
            return;
        }

        // Where the walk starts: the root, the login directory the connection is still in, or back to it by name.
        string? start;
        if (directory.FromRoot)
        {
            start = "/";
        }
        else if (currentDirectory is { FromRoot: false, Segments.Count: 0 })
        {
            start = null;
        }
        else
        {
            start = loginDirectory
                ?? throw new InvalidOperationException("The connection does not know its login directory, so it cannot go back to it.");
        }

        currentDirectory = null;
        if (start is not null)
        {
            var reply = await ExecuteAsync($"CWD {start}", cancellationToken).ConfigureAwait(false);
            EnsureCode(reply, directory.FromRoot ? "Changing to the root directory" : "Changing back to the login directory", 250);
        }

        foreach (var segment in directory.Segments)
        {
            await EnterOrCreateDirectoryAsync(segment, cancellationToken).ConfigureAwait(false);
        }

        currentDirectory = directory;
    }

    /// <summary>
    /// Creates <paramref name="name"/> in the current directory unless it exists, then enters it. A failed <c>MKD</c>
    /// is not an error by itself: servers word "already exists" differently (vsftpd: 550 Create directory operation
    /// failed), so whether <c>CWD</c> then succeeds decides.
    /// </summary>
    private async Task EnterOrCreateDirectoryAsync(string name, CancellationToken cancellationToken)
    {
        var made = await ExecuteAsync($"MKD {name}", cancellationToken).ConfigureAwait(false);
        if (made.IsTransientFailure)
        {
            throw Failure($"Creating directory '{name}'", made);
        }

        var entered = await ExecuteAsync($"CWD {name}", cancellationToken).ConfigureAwait(false);
        if (entered.Code != 250)
        {
            throw Failure(
                $"Creating directory '{name}' (MKD replied '{made.Text}') and entering it",
                entered);
        }
    }

    /// <summary>Stores <paramref name="content"/> as <paramref name="fileName"/> in the current directory.</summary>
    /// <param name="fileName">A sanitized file name.</param>
    /// <param name="content">The bytes to send, read to the end.</param>
    /// <param name="cancellationToken">Cancels the transfer.</param>
    /// <returns>The number of bytes sent.</returns>
    public async Task<long> StoreAsync(string fileName, Stream content, CancellationToken cancellationToken)
    {
        var (dataClient, dataStream) = await OpenDataChannelAsync(cancellationToken).ConfigureAwait(false);
        long sent = 0;
        var completed = false;
        try
        {
            var started = await ExecuteAsync($"STOR {fileName}", cancellationToken).ConfigureAwait(false);
            if (!started.IsPreliminary)
            {
                throw Failure($"Storing '{fileName}'", started);
            }

            if (tlsOptions is not null)
            {
                // vsftpd (require_ssl_reuse=YES, its default) rejects a data channel whose TLS session is not a
                // resumption of the control connection's. .NET on Linux offers the session it cached for the target
                // host name (one per name and protocol set, process-wide), so the same options are used here and
                // FtpConnectionPool lets no other control connection to this name handshake meanwhile.
                var ssl = new SslStream(dataStream, leaveInnerStreamOpen: false);
                dataStream = ssl;
                await WithTimeoutAsync(
                    token => ssl.AuthenticateAsClientAsync(tlsOptions, token),
                    "the data channel's TLS handshake",
                    cancellationToken).ConfigureAwait(false);
            }

            sent = await CopyAsync(content, dataStream, cancellationToken).ConfigureAwait(false);
            if (dataStream is SslStream tls)
            {
                // Without close_notify vsftpd cannot tell a complete upload from a cut one and answers 426.
                await WithTimeoutAsync(_ => tls.ShutdownAsync(), "closing the data channel's TLS", cancellationToken)
                    .ConfigureAwait(false);
            }

            dataClient.Client.Shutdown(SocketShutdown.Send);
            await DrainAsync(dataStream, cancellationToken).ConfigureAwait(false);
            completed = true;
        }
        catch (FtpContentReadException)
        {
            // The caller's stream failed midway: cut the transfer, let the server report it, and remove the partial
            // temporary file while the control connection still works (a retry would overwrite it anyway).
            Abort(dataClient, dataStream);
            await TryReadReplyAsync().ConfigureAwait(false);
            await TryDeleteAsync(fileName).ConfigureAwait(false);
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

        var finished = await ReadReplyAsync(cancellationToken).ConfigureAwait(false);
        if (finished.Code == 522 && tlsOptions is not null && IPAddress.TryParse(tlsOptions.TargetHost, out _))
        {
            throw new FtpException(
                $"Storing '{fileName}' on the FTP server {Server} failed: '{finished.Text}'. The server requires the data "
                + "channel's TLS session to resume the control connection's, and .NET resumes TLS sessions only for a "
                + $"DNS host name, not an IP address: set {target.TrustSettingNames.TlsHostName} (or the host) to the DNS name in the "
                + "server's certificate.",
                isTransient: false, finished.Code, finished.Text);
        }

        if (finished.Code is not (226 or 250))
        {
            throw Failure($"Storing '{fileName}'", finished);
        }

        return sent;
    }

    /// <summary>
    /// Checks with <c>SIZE</c> (RFC 3659) that the server holds <paramref name="expectedLength"/> bytes. Servers that do
    /// not implement <c>SIZE</c> (500/502) are trusted on their 226 reply.
    /// </summary>
    /// <param name="fileName">The stored file.</param>
    /// <param name="expectedLength">The number of bytes sent.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>A task that completes when the size matches.</returns>
    public async Task VerifySizeAsync(string fileName, long expectedLength, CancellationToken cancellationToken)
    {
        var reply = await ExecuteAsync($"SIZE {fileName}", cancellationToken).ConfigureAwait(false);
        if (reply.Code is 500 or 502)
        {
            logger.LogDebug("FTP {Server} does not implement SIZE; the upload's length is not verified", Server);
            return;
        }

        EnsureCode(reply, $"Checking the size of '{fileName}'", 213);
        var actual = ParseSize(reply);
        if (actual != expectedLength)
        {
            throw new FtpException(
                $"The FTP server {Server} holds {actual} bytes of '{fileName}' but {expectedLength} were sent.",
                isTransient: true, reply.Code, reply.Text);
        }
    }

    /// <summary>
    /// The size of <paramref name="fileName"/> in the current directory (<c>SIZE</c>, RFC 3659; vsftpd answers it in
    /// binary mode), or <see langword="null"/> when the file is not there or the server does not implement
    /// <c>SIZE</c>. A 4xx reply is a transient failure.
    /// </summary>
    /// <param name="fileName">The file.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The size in bytes, or <see langword="null"/>.</returns>
    public async Task<long?> TryGetSizeAsync(string fileName, CancellationToken cancellationToken)
    {
        var reply = await ExecuteAsync($"SIZE {fileName}", cancellationToken).ConfigureAwait(false);
        if (reply.IsTransientFailure)
        {
            throw Failure($"Checking the size of '{fileName}'", reply);
        }

        // 550 (vsftpd: "Could not get file size.") means no such file; 500/502 that SIZE is not implemented.
        return reply.Code == 213 ? ParseSize(reply) : null;
    }

    /// <summary>
    /// Renames <paramref name="from"/> to <paramref name="to"/>, replacing an existing <paramref name="to"/> (servers
    /// that refuse to rename onto an existing file get it deleted first).
    /// </summary>
    /// <param name="from">The temporary name.</param>
    /// <param name="to">The final name.</param>
    /// <param name="cancellationToken">Cancels the commands.</param>
    /// <returns>A task that completes when the file has its final name.</returns>
    public async Task RenameAsync(string from, string to, CancellationToken cancellationToken)
    {
        var renamed = await TryRenameAsync(from, to, cancellationToken).ConfigureAwait(false);
        if (renamed.Code == 250)
        {
            return;
        }

        if (renamed.Code is >= 500 and < 600)
        {
            await ExecuteAsync($"DELE {to}", cancellationToken).ConfigureAwait(false);
            renamed = await TryRenameAsync(from, to, cancellationToken).ConfigureAwait(false);
            if (renamed.Code == 250)
            {
                return;
            }
        }

        throw Failure($"Renaming '{from}' to '{to}'", renamed);
    }

    /// <summary>Deletes <paramref name="fileName"/>, ignoring any failure (best-effort clean-up).</summary>
    /// <param name="fileName">The file to delete.</param>
    /// <returns>A task that completes when the server answered or the attempt failed.</returns>
    public async Task TryDeleteAsync(string fileName)
    {
        try
        {
            using var timeout = new CancellationTokenSource(target.CommandTimeout);
            await ExecuteAsync($"DELE {fileName}", timeout.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or SocketException or FtpException
            or OperationCanceledException or TimeoutException or ObjectDisposedException)
        {
            logger.LogDebug(exception, "FTP {Server}: could not delete '{File}' after a failed upload", Server, fileName);
        }
    }

    /// <summary>Prints the working directory, a harmless command that proves the connection works.</summary>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The directory the server names, or <see langword="null"/> when its reply does not quote one.</returns>
    public async Task<string?> PrintWorkingDirectoryAsync(CancellationToken cancellationToken)
    {
        var reply = await ExecuteAsync("PWD", cancellationToken).ConfigureAwait(false);
        EnsureCode(reply, "PWD", 257);
        return QuotedPath(reply.Lines[0]);
    }

    /// <summary>Says goodbye; a server that hangs up without answering is fine.</summary>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>A task that completes when the server answered.</returns>
    public async Task QuitAsync(CancellationToken cancellationToken)
    {
        try
        {
            await ExecuteAsync("QUIT", cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or SocketException or TimeoutException)
        {
            logger.LogDebug(exception, "FTP {Server} closed the connection on QUIT", Server);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            await stream.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or SocketException)
        {
            // Closing a connection the server already dropped.
        }

        control.Dispose();
    }

    private async Task HandshakeAsync(CancellationToken cancellationToken)
    {
        var greeting = await ReadReplyAsync(cancellationToken).ConfigureAwait(false);
        while (greeting.Code == 120)
        {
            greeting = await ReadReplyAsync(cancellationToken).ConfigureAwait(false);
        }

        EnsureCode(greeting, "Connecting", 220);

        if (target.UseTls)
        {
            await StartTlsAsync(cancellationToken).ConfigureAwait(false);
        }

        await LogInAsync(cancellationToken).ConfigureAwait(false);

        if (target.UseTls)
        {
            EnsureCode(await ExecuteAsync("PBSZ 0", cancellationToken).ConfigureAwait(false), "PBSZ 0", 200);
            EnsureCode(await ExecuteAsync("PROT P", cancellationToken).ConfigureAwait(false),
                "Protecting the data channel (PROT P)", 200);
        }

        EnsureCode(await ExecuteAsync("TYPE I", cancellationToken).ConfigureAwait(false), "Binary mode (TYPE I)", 200);

        // Uploads are relative to the login directory, and a reused connection goes back there by name. A server that
        // does not tell it (no 257 with a quoted path) still gets its upload; the connection is just not reused.
        var printed = await ExecuteAsync("PWD", cancellationToken).ConfigureAwait(false);
        loginDirectory = printed.Code == 257 ? QuotedPath(printed.Lines[0]) : null;
    }

    private async Task StartTlsAsync(CancellationToken cancellationToken)
    {
        var reply = await ExecuteAsync("AUTH TLS", cancellationToken).ConfigureAwait(false);
        if (reply.Code != 234)
        {
            throw new FtpException(
                $"The FTP server {Server} does not offer FTPS: it answered AUTH TLS with '{reply.Text}'. "
                + "\"Use SSL for FTP?\" is on, so nothing was sent (no user name, password or file); "
                + "the upload never falls back to plain FTP.",
                isTransient: reply.IsTransientFailure, reply.Code, reply.Text);
        }

        if (reader.HasBufferedData)
        {
            // Plain-text bytes after 234 would be read as if they had come over TLS (a STARTTLS injection).
            throw new FtpException($"The FTP server {Server} sent unexpected data after accepting AUTH TLS.", isTransient: false);
        }

        var validate = FtpCertificateValidation.For(target);
        var certificateSeen = false;
        tlsOptions = new SslClientAuthenticationOptions
        {
            TargetHost = target.EffectiveTlsHostName,
            // TLS 1.2, so that every data channel resumes this connection's session (servers such as vsftpd, whose
            // require_ssl_reuse=YES is the default, refuse any other). A TLS 1.2 session is set during the handshake
            // and can be resumed again and again; a TLS 1.3 session ticket arrives after the handshake, and OpenSSL
            // (under .NET on Linux) retires it once a handshake used it, so data channels come to offer no ticket or
            // another connection's (curl/curl#4654, FluentFTP#773). docs/decisions.md, issue 13.
            EnabledSslProtocols = SslProtocols.Tls12,
            RemoteCertificateValidationCallback = (sender, certificate, chain, errors) =>
            {
                certificateSeen = true;
                return validate(sender, certificate, chain, errors);
            },
        };
        var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
        stream = ssl;
        reader.Stream = ssl;
        try
        {
            await WithTimeoutAsync(
                token => ssl.AuthenticateAsClientAsync(tlsOptions, token),
                "the TLS handshake",
                cancellationToken).ConfigureAwait(false);
        }
        catch (AuthenticationException exception) when (!certificateSeen)
        {
            // Failing before the server's certificate arrived is a protocol or cipher mismatch, not a trust problem.
            throw new FtpException(
                $"TLS with the FTP server {Server} failed before it presented its certificate: {exception.Message} "
                + "FTPS uses TLS 1.2 (so that every data channel can resume the control connection's session), and the "
                + "server offers no TLS 1.2 cipher suite for its certificate. On vsftpd, ssl_ciphers must include one "
                + "for the certificate's key type: Debian's default, ECDHE-RSA-AES256-GCM-SHA384, suits RSA keys only.",
                isTransient: false,
                innerException: exception);
        }
    }

    private async Task LogInAsync(CancellationToken cancellationToken)
    {
        var reply = await ExecuteAsync($"USER {CheckArgument(target.Username, "user name")}", cancellationToken).ConfigureAwait(false);
        if (reply.Code == 331)
        {
            reply = await ExecuteAsync($"PASS {CheckArgument(target.Password, "password")}", cancellationToken, sensitive: true)
                .ConfigureAwait(false);
        }

        if (reply.Code is not (230 or 202))
        {
            throw new FtpException(
                $"The FTP server {Server} refused the login of user '{target.Username}': '{reply.Text}'.",
                isTransient: reply.IsTransientFailure, reply.Code, reply.Text);
        }
    }

    private async Task<(TcpClient Client, Stream Stream)> OpenDataChannelAsync(CancellationToken cancellationToken)
    {
        var endpoint = await RequestPassiveEndpointAsync(cancellationToken).ConfigureAwait(false);
        var client = await ConnectAsync(endpoint, target.ConnectTimeout, cancellationToken).ConfigureAwait(false);
        return (client, client.GetStream());
    }

    private async Task<IPEndPoint> RequestPassiveEndpointAsync(CancellationToken cancellationToken)
    {
        var extended = await ExecuteAsync("EPSV", cancellationToken).ConfigureAwait(false);
        if (extended.Code == 229 && FtpPassiveEndpoint.FromEpsv(extended.Text, controlPeer) is { } extendedEndpoint)
        {
            return extendedEndpoint;
        }

        if (extended.IsTransientFailure)
        {
            throw Failure("Passive mode (EPSV)", extended);
        }

        var classic = await ExecuteAsync("PASV", cancellationToken).ConfigureAwait(false);
        if (classic.Code == 227 && FtpPassiveEndpoint.FromPasv(classic.Text, controlPeer) is { } endpoint)
        {
            return endpoint;
        }

        throw Failure($"Passive mode (EPSV replied '{extended.Text}', then PASV)", classic);
    }

    private async Task<FtpReply> ExecuteAsync(string command, CancellationToken cancellationToken, bool sensitive = false)
    {
        CommandCount++;
        if (logger.IsEnabled(LogLevel.Debug))
        {
            logger.LogDebug("FTP {Server} > {Command}", Server, sensitive ? command[..4] + " ***" : command);
        }

        var bytes = Encoding.UTF8.GetBytes(command + "\r\n");
        await WithTimeoutAsync(
            async token =>
            {
                await stream.WriteAsync(bytes, token).ConfigureAwait(false);
                await stream.FlushAsync(token).ConfigureAwait(false);
            },
            $"sending {command.Split(' ')[0]}",
            cancellationToken).ConfigureAwait(false);
        return await ReadReplyAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<FtpReply> ReadReplyAsync(CancellationToken cancellationToken)
    {
        FtpReply? reply = null;
        await WithTimeoutAsync(
            async token => reply = await reader.ReadReplyAsync(token).ConfigureAwait(false),
            "a reply",
            cancellationToken).ConfigureAwait(false);
        var clean = reply! with { Lines = reply.Lines.Select(line => redactor.Redact(line)).ToList() };
        logger.LogDebug("FTP {Server} < {Reply}", Server, clean.Text);
        return clean;
    }

    private async Task DrainAsync(Stream dataStream, CancellationToken cancellationToken)
    {
        // Closing a socket with unread bytes in its receive buffer (the server's close_notify) sends RST instead of FIN, and a server still reading the upload's tail then fails it (vsftpd:
        // 426 Failure reading network stream). So read until the server closes its side.
        var sink = new byte[4096];
        try
        {
            await WithTimeoutAsync(
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
            logger.LogDebug(exception, "FTP {Server}: the data channel closed abruptly after the upload", Server);
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

    private async Task TryReadReplyAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(target.CommandTimeout);
            await ReadReplyAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or SocketException or FtpException
            or OperationCanceledException or TimeoutException or ObjectDisposedException)
        {
            logger.LogDebug(exception, "FTP {Server}: no reply after an aborted transfer", Server);
        }
    }

    private async Task<FtpReply> TryRenameAsync(string from, string to, CancellationToken cancellationToken)
    {
        var started = await ExecuteAsync($"RNFR {from}", cancellationToken).ConfigureAwait(false);
        if (started.Code != 350)
        {
            throw Failure($"Renaming '{from}' (RNFR)", started);
        }

        return await ExecuteAsync($"RNTO {to}", cancellationToken).ConfigureAwait(false);
    }

    private async Task<long> CopyAsync(Stream content, Stream destination, CancellationToken cancellationToken)
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

            await WithTimeoutAsync(
                token => destination.WriteAsync(buffer.AsMemory(0, read), token).AsTask(),
                "the data channel to accept data",
                cancellationToken).ConfigureAwait(false);
            total += read;
        }
    }

    private async Task WithTimeoutAsync(Func<CancellationToken, Task> operation, string what, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(target.CommandTimeout);
        try
        {
            await operation(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"The FTP server {Server} did not answer within {target.CommandTimeout.TotalSeconds:0.#} s waiting for {what}.");
        }
    }

    private static async Task<TcpClient> ConnectAsync(string host, int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var client = new TcpClient();
        try
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(timeout);
            try
            {
                await client.ConnectAsync(host, port, limit.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"Connecting to the FTP server {host}:{port} took longer than {timeout.TotalSeconds:0.#} s.");
            }

            client.NoDelay = true;
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
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

    private long ParseSize(FtpReply reply)
    {
        var text = reply.Lines[^1].Length > 4 ? reply.Lines[^1][4..].Trim() : string.Empty;
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var size)
            ? size
            : throw new FtpException($"The FTP server {Server} answered SIZE with '{reply.Text}', which is not a size.",
                isTransient: false, reply.Code, reply.Text);
    }

    // RFC 959 appendix II: 257 "PATHNAME" comment, with a quote inside the name doubled.
    private static string? QuotedPath(string line)
    {
        var open = line.IndexOf('"', StringComparison.Ordinal);
        if (open < 0)
        {
            return null;
        }

        var path = new StringBuilder();
        for (var i = open + 1; i < line.Length; i++)
        {
            if (line[i] != '"')
            {
                path.Append(line[i]);
            }
            else if (i + 1 < line.Length && line[i + 1] == '"')
            {
                path.Append('"');
                i++;
            }
            else
            {
                return path.Length > 0 ? path.ToString() : null;
            }
        }

        return null;
    }

    private void EnsureCode(FtpReply reply, string what, int expected)
    {
        if (reply.Code != expected)
        {
            throw Failure(what, reply);
        }
    }

    private FtpException Failure(string what, FtpReply reply) =>
        new($"{what} on the FTP server {Server} failed: '{reply.Text}'.", reply.IsTransientFailure, reply.Code, reply.Text);

    private static string CheckArgument(string value, string what) =>
        value.AsSpan().IndexOfAny('\r', '\n') >= 0
            ? throw new FtpException($"The FTP {what} contains a line break, which FTP cannot carry.", isTransient: false)
            : value;
}
