using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;
using ClarityConnect.Connectors.Security;
using Microsoft.Extensions.Logging;

namespace ClarityConnect.Connectors.Ftp;

/// <summary>
/// The control connection of an FTP session: sends commands and reads their replies, each within
/// <see cref="FtpTarget.CommandTimeout"/>, logs both at Debug (the password as <c>***</c>), cleans every reply of the
/// credentials, and can be upgraded to TLS (<c>AUTH TLS</c>). Network errors surface as <see cref="SocketException"/> /
/// <see cref="IOException"/> / <see cref="TimeoutException"/>; refused commands as <see cref="FtpException"/> built by
/// <see cref="Failure"/>.
/// </summary>
internal sealed class FtpControlChannel : IAsyncDisposable
{
    private readonly TcpClient control;
    private readonly FtpReplyReader reader;
    private readonly SecretRedactor redactor;
    private Stream stream;

    private FtpControlChannel(FtpTarget target, ILogger logger, TcpClient control)
    {
        Target = target;
        Logger = logger;
        this.control = control;
        // Servers quote commands back in replies (530 … PASS …): every reply is cleaned as it is read, so no log
        // line, exception or stored error built from it can carry the password.
        redactor = SecretRedactor.None.WithBasic(target.Username, target.Password);
        stream = control.GetStream();
        reader = new FtpReplyReader(stream);
        // A dual-stack socket reports an IPv4 peer as ::ffff:a.b.c.d; the data connection needs the plain IPv4 form.
        var peer = ((IPEndPoint)control.Client.RemoteEndPoint!).Address;
        Peer = peer.IsIPv4MappedToIPv6 ? peer.MapToIPv4() : peer;
        Server = $"{target.Host}:{target.Port.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>The server and credentials.</summary>
    public FtpTarget Target { get; }

    /// <summary>Where commands and replies are logged.</summary>
    public ILogger Logger { get; }

    /// <summary>The server as messages name it: <c>host:port</c>.</summary>
    public string Server { get; }

    /// <summary>The server's address as this connection reached it, for passive data connections.</summary>
    public IPAddress Peer { get; }

    /// <summary>Commands sent since <see cref="ResetCommandCount"/>.</summary>
    public int CommandCount { get; private set; }

    /// <summary>Whether bytes past the last reply were already received.</summary>
    public bool HasBufferedData => reader.HasBufferedData;

    /// <summary>Connects to <paramref name="target"/> within its <see cref="FtpTarget.ConnectTimeout"/>.</summary>
    /// <param name="target">The server.</param>
    /// <param name="logger">Where commands and replies are logged (the password never is).</param>
    /// <param name="cancellationToken">Cancels the connection attempt.</param>
    /// <returns>The connected channel, before the greeting is read.</returns>
    public static async Task<FtpControlChannel> ConnectAsync(FtpTarget target, ILogger logger, CancellationToken cancellationToken)
    {
        var client = new TcpClient();
        try
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(target.ConnectTimeout);
            try
            {
                await client.ConnectAsync(target.Host, target.Port, limit.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"Connecting to the FTP server {target.Host}:{target.Port} took longer than {target.ConnectTimeout.TotalSeconds:0.#} s.");
            }

            client.NoDelay = true;
            return new FtpControlChannel(target, logger, client);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>Starts counting <see cref="CommandCount"/> from zero.</summary>
    public void ResetCommandCount() => CommandCount = 0;

    /// <summary>Sends <paramref name="command"/> and reads its reply.</summary>
    /// <param name="command">The command line, without CRLF.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <param name="sensitive">Log only the verb (<c>PASS ***</c>).</param>
    /// <returns>The reply, cleaned of the credentials.</returns>
    public async Task<FtpReply> ExecuteAsync(string command, CancellationToken cancellationToken, bool sensitive = false)
    {
        CommandCount++;
        if (Logger.IsEnabled(LogLevel.Debug))
        {
            Logger.LogDebug("FTP {Server} > {Command}", Server, sensitive ? command[..4] + " ***" : command);
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

    /// <summary>Reads the next reply (a greeting, or the second reply of a transfer).</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The reply, cleaned of the credentials.</returns>
    public async Task<FtpReply> ReadReplyAsync(CancellationToken cancellationToken)
    {
        FtpReply? reply = null;
        await WithTimeoutAsync(
            async token => reply = await reader.ReadReplyAsync(token).ConfigureAwait(false),
            "a reply",
            cancellationToken).ConfigureAwait(false);
        var clean = reply! with { Lines = reply.Lines.Select(line => redactor.Redact(line)).ToList() };
        Logger.LogDebug("FTP {Server} < {Reply}", Server, clean.Text);
        return clean;
    }

    /// <summary>Reads a reply if one comes within the command timeout; after an aborted transfer there may be none.</summary>
    /// <returns>A task that completes when a reply was read or none came.</returns>
    public async Task TryReadReplyAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(Target.CommandTimeout);
            await ReadReplyAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or SocketException or FtpException
            or OperationCanceledException or TimeoutException or ObjectDisposedException)
        {
            Logger.LogDebug(exception, "FTP {Server}: no reply after an aborted transfer", Server);
        }
    }

    /// <summary>Runs the TLS handshake over the control connection (after <c>234</c> to <c>AUTH TLS</c>); from then on
    /// commands and replies go through TLS.</summary>
    /// <param name="options">The handshake's settings (the data channels resume its session with the same ones).</param>
    /// <param name="cancellationToken">Cancels the handshake.</param>
    /// <returns>A task that completes when the handshake succeeded.</returns>
    public async Task UpgradeToTlsAsync(SslClientAuthenticationOptions options, CancellationToken cancellationToken)
    {
        var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
        stream = ssl;
        reader.Stream = ssl;
        await WithTimeoutAsync(
            token => ssl.AuthenticateAsClientAsync(options, token),
            "the TLS handshake",
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs <paramref name="operation"/> within the command timeout; a timeout (not the caller's cancellation)
    /// becomes a <see cref="TimeoutException"/> naming the server and <paramref name="what"/> it waited for.</summary>
    /// <param name="operation">The network operation.</param>
    /// <param name="what">What is waited for, e.g. <c>a reply</c>.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    /// <returns>A task that completes with the operation.</returns>
    public async Task WithTimeoutAsync(Func<CancellationToken, Task> operation, string what, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Target.CommandTimeout);
        try
        {
            await operation(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"The FTP server {Server} did not answer within {Target.CommandTimeout.TotalSeconds:0.#} s waiting for {what}.");
        }
    }

    /// <summary>Throws <see cref="Failure"/> unless <paramref name="reply"/> has the code <paramref name="expected"/>.</summary>
    public void EnsureCode(FtpReply reply, string what, int expected)
    {
        if (reply.Code != expected)
        {
            throw Failure(what, reply);
        }
    }

    /// <summary>The failure of <paramref name="what"/> that <paramref name="reply"/> refused, transient for a 4xx reply.</summary>
    public FtpException Failure(string what, FtpReply reply) =>
        new($"{what} on the FTP server {Server} failed: '{reply.Text}'.", reply.IsTransientFailure, reply.Code, reply.Text);

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
}
