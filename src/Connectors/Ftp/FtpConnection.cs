using System.Globalization;
using System.Net.Security;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace ClarityConnect.Connectors.Ftp;

/// <summary>
/// One logged-in FTP session and the file commands <see cref="FtpClientUploader"/> needs. Its parts each do one job:
/// <see cref="FtpControlChannel"/> (commands and replies, timeouts, TLS upgrade), <see cref="FtpLogin"/> (greeting,
/// <c>AUTH TLS</c>, login, <c>PBSZ</c>/<c>PROT</c>, binary mode), <see cref="FtpDirectoryNavigator"/> (where the
/// session is) and <see cref="FtpPassiveUpload"/> (the data channel of a <c>STOR</c>). Network errors surface as
/// <see cref="SocketException"/> / <see cref="IOException"/> / <see cref="TimeoutException"/>; protocol failures as
/// <see cref="FtpException"/>. A connection serves several uploads in turn (<see cref="FtpConnectionPool"/>).
/// </summary>
internal sealed class FtpConnection : IAsyncDisposable
{
    private readonly FtpControlChannel channel;
    private readonly SslClientAuthenticationOptions? dataTls;
    private readonly FtpDirectoryNavigator directories;

    private FtpConnection(FtpControlChannel channel, FtpLogin login)
    {
        this.channel = channel;
        dataTls = login.DataTls;
        directories = new FtpDirectoryNavigator(channel, login.Directory);
    }

    /// <summary>The target the connection logged in to.</summary>
    public FtpTarget Target => channel.Target;

    /// <summary>
    /// Commands sent since <see cref="ResetCommandCount"/>: a reused connection that fails on its first command was
    /// closed by the server while idle, so nothing of the upload happened yet and a new connection can redo it.
    /// </summary>
    public int CommandCount => channel.CommandCount;

    /// <summary>
    /// Whether the connection can serve another upload: it knows its login directory and the directory it is in.
    /// </summary>
    public bool IsReusable => directories.KnowsWhereItIs;

    private ILogger Logger => channel.Logger;

    private string Server => channel.Server;

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
        var channel = await FtpControlChannel.ConnectAsync(target, logger, cancellationToken).ConfigureAwait(false);
        try
        {
            return new FtpConnection(channel, await FtpLogin.RunAsync(channel, cancellationToken).ConfigureAwait(false));
        }
        catch
        {
            await channel.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Starts counting <see cref="CommandCount"/> from zero, when the connection is handed to an upload.</summary>
    public void ResetCommandCount() => channel.ResetCommandCount();

    /// <summary>
    /// Makes <paramref name="directory"/> the current directory, creating the segments that are missing. Nothing is sent
    /// when it already is (the files of one export share a directory).
    /// </summary>
    /// <param name="directory">Where the upload goes.</param>
    /// <param name="cancellationToken">Cancels the commands.</param>
    /// <returns>A task that completes when the directory is the current one.</returns>
    public Task EnterDirectoryAsync(FtpDirectory directory, CancellationToken cancellationToken) =>
        directories.EnterAsync(directory, cancellationToken);

    /// <summary>Stores <paramref name="content"/> as <paramref name="fileName"/> in the current directory.</summary>
    /// <param name="fileName">A sanitized file name.</param>
    /// <param name="content">The bytes to send, read to the end.</param>
    /// <param name="cancellationToken">Cancels the transfer.</param>
    /// <returns>The number of bytes sent.</returns>
    public async Task<long> StoreAsync(string fileName, Stream content, CancellationToken cancellationToken)
    {
        try
        {
            return await FtpPassiveUpload.StoreAsync(channel, dataTls, fileName, content, cancellationToken).ConfigureAwait(false);
        }
        catch (FtpContentReadException)
        {
            // The caller's stream failed midway: remove the partial temporary file while the control connection still
            // works (a retry would overwrite it anyway).
            await TryDeleteAsync(fileName).ConfigureAwait(false);
            throw;
        }
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
        var reply = await channel.ExecuteAsync($"SIZE {fileName}", cancellationToken).ConfigureAwait(false);
        if (reply.Code is 500 or 502)
        {
            Logger.LogDebug("FTP {Server} does not implement SIZE; the upload's length is not verified", Server);
            return;
        }

        channel.EnsureCode(reply, $"Checking the size of '{fileName}'", 213);
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
        var reply = await channel.ExecuteAsync($"SIZE {fileName}", cancellationToken).ConfigureAwait(false);
        if (reply.IsTransientFailure)
        {
            throw channel.Failure($"Checking the size of '{fileName}'", reply);
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
            await channel.ExecuteAsync($"DELE {to}", cancellationToken).ConfigureAwait(false);
            renamed = await TryRenameAsync(from, to, cancellationToken).ConfigureAwait(false);
            if (renamed.Code == 250)
            {
                return;
            }
        }

        throw channel.Failure($"Renaming '{from}' to '{to}'", renamed);
    }

    /// <summary>Deletes <paramref name="fileName"/>, ignoring any failure (best-effort clean-up).</summary>
    /// <param name="fileName">The file to delete.</param>
    /// <returns>A task that completes when the server answered or the attempt failed.</returns>
    public async Task TryDeleteAsync(string fileName)
    {
        try
        {
            using var timeout = new CancellationTokenSource(Target.CommandTimeout);
            await channel.ExecuteAsync($"DELE {fileName}", timeout.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or SocketException or FtpException
            or OperationCanceledException or TimeoutException or ObjectDisposedException)
        {
            Logger.LogDebug(exception, "FTP {Server}: could not delete '{File}' after a failed upload", Server, fileName);
        }
    }

    /// <summary>Prints the working directory, a harmless command that proves the connection works.</summary>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The directory the server names, or <see langword="null"/> when its reply does not quote one.</returns>
    public async Task<string?> PrintWorkingDirectoryAsync(CancellationToken cancellationToken)
    {
        var reply = await channel.ExecuteAsync("PWD", cancellationToken).ConfigureAwait(false);
        channel.EnsureCode(reply, "PWD", 257);
        return reply.QuotedPath();
    }

    /// <summary>Says goodbye; a server that hangs up without answering is fine.</summary>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>A task that completes when the server answered.</returns>
    public async Task QuitAsync(CancellationToken cancellationToken)
    {
        try
        {
            await channel.ExecuteAsync("QUIT", cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or SocketException or TimeoutException)
        {
            Logger.LogDebug(exception, "FTP {Server} closed the connection on QUIT", Server);
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => channel.DisposeAsync();

    private async Task<FtpReply> TryRenameAsync(string from, string to, CancellationToken cancellationToken)
    {
        var started = await channel.ExecuteAsync($"RNFR {from}", cancellationToken).ConfigureAwait(false);
        if (started.Code != 350)
        {
            throw channel.Failure($"Renaming '{from}' (RNFR)", started);
        }

        return await channel.ExecuteAsync($"RNTO {to}", cancellationToken).ConfigureAwait(false);
    }

    private long ParseSize(FtpReply reply)
    {
        var text = reply.Lines[^1].Length > 4 ? reply.Lines[^1][4..].Trim() : string.Empty;
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var size)
            ? size
            : throw new FtpException($"The FTP server {Server} answered SIZE with '{reply.Text}', which is not a size.",
                isTransient: false, reply.Code, reply.Text);
    }
}
