using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Runtime.ExceptionServices;
using System.Security.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace ClarityConnect.Connectors.Ftp;

/// <summary>
/// <see cref="IFtpUploader"/> over <see cref="TcpClient"/> and <see cref="System.Net.Security.SslStream"/>: explicit
/// FTPS (<c>AUTH TLS</c> with TLS 1.2, <c>PBSZ 0</c>, <c>PROT P</c>) or plain FTP, passive mode (<c>EPSV</c>, then
/// <c>PASV</c>), binary transfers, one kept control connection per server (<see cref="FtpConnectionPool"/>). FluentFTP
/// can replace it behind <see cref="IFtpUploader"/>; see there.
/// </summary>
/// <remarks>
/// A connection runs: greeting, <c>AUTH TLS</c> (when <see cref="FtpTarget.UseTls"/>; refused means failure, never
/// plain FTP), <c>USER</c>/<c>PASS</c>, <c>PBSZ 0</c>/<c>PROT P</c>, <c>TYPE I</c>, <c>PWD</c> (the login directory).
/// An upload on it runs: <c>MKD</c>+<c>CWD</c> per directory segment (nothing when the previous upload used the same
/// directory), <c>EPSV</c>/<c>PASV</c>, <c>STOR</c> of a temporary name (<c>.NAME.part</c>, hidden from most
/// listings), <c>SIZE</c> to check the length, <c>RNFR</c>/<c>RNTO</c> to the final name; the connection is kept for
/// the next upload and closed with <c>QUIT</c> once idle. The data channel's TLS session resumes the control
/// connection's (servers such as vsftpd require it) and is closed with close_notify before the socket. Each upload
/// runs, once its turn came, through its server's <see cref="FtpServerGuard"/> (circuit breaker, upload timeout). The
/// class is thread-safe: register it as a singleton (the breakers live in it).
/// </remarks>
/// <param name="logger">Logs commands and replies at Debug (the password as <c>***</c>) and each upload at
/// Information.</param>
/// <param name="options">The breaker and upload timeout; the defaults when null.</param>
public sealed class FtpClientUploader(ILogger<FtpClientUploader>? logger = null, IOptions<FtpUploadOptions>? options = null) : IFtpUploader
{
    private readonly ILogger logger = logger ?? NullLogger<FtpClientUploader>.Instance;
    private readonly FtpUploadOptions options = options?.Value ?? new FtpUploadOptions();
    private readonly ConcurrentDictionary<string, FtpServerGuard> guards = new(StringComparer.OrdinalIgnoreCase);

    /// <inheritdoc />
    public Task UploadAsync(
        FtpTarget target,
        string remoteDirectory,
        string remoteFileName,
        Stream content,
        CancellationToken cancellationToken) =>
        UploadAsync(target, remoteDirectory, remoteFileName, content, once: false, cancellationToken);

    /// <inheritdoc />
    public Task<FtpUploadOutcome> UploadOnceAsync(
        FtpTarget target,
        string remoteDirectory,
        string remoteFileName,
        Stream content,
        CancellationToken cancellationToken)
    {
        if (content is { CanSeek: false })
        {
            throw new ArgumentException(
                $"The content of '{remoteFileName}' must be seekable: its length is the size the FTP server must hold.",
                nameof(content));
        }

        return UploadAsync(target, remoteDirectory, remoteFileName, content, once: true, cancellationToken);
    }

    /// <inheritdoc />
    public Task TestConnectionAsync(FtpTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        return RunAsync(target, fresh: true, (connection, token) => connection.PrintWorkingDirectoryAsync(token), cancellationToken);
    }

    private Task<FtpUploadOutcome> UploadAsync(
        FtpTarget target, string remoteDirectory, string remoteFileName, Stream content, bool once, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(content);
        var file = FtpUploadFile.Of(remoteDirectory, remoteFileName);
        long? expected = once ? content.Length - content.Position : null;
        return RunAsync(
            target,
            fresh: false,
            async (connection, token) =>
            {
                await connection.EnterDirectoryAsync(file.Directory, token).ConfigureAwait(false);
                if (expected is { } length && await FinishEarlierAttemptAsync(connection, target, file, length, token).ConfigureAwait(false) is { } finished)
                {
                    return finished;
                }

                var sent = await StoreAsync(connection, file, content, token).ConfigureAwait(false);
                LogUploaded(target, file, sent);
                return FtpUploadOutcome.Uploaded;
            },
            cancellationToken);
    }

    // What an earlier attempt of the same upload left: the final file (it only missed being recorded), or a complete
    // temporary file (it stopped before the rename). Null when the bytes must be sent.
    private async Task<FtpUploadOutcome?> FinishEarlierAttemptAsync(
        FtpConnection connection, FtpTarget target, FtpUploadFile file, long length, CancellationToken cancellationToken)
    {
        if (await connection.TryGetSizeAsync(file.Name, cancellationToken).ConfigureAwait(false) == length)
        {
            logger.LogInformation(
                "{File} ({Bytes} bytes) is already on FTP {Host}:{Port} in /{Directory}: an earlier attempt stored it",
                file.Name, length, target.Host, target.Port, file.Directory);
            return FtpUploadOutcome.AlreadyPresent;
        }

        if (await connection.TryGetSizeAsync(file.TemporaryName, cancellationToken).ConfigureAwait(false) == length)
        {
            await connection.RenameAsync(file.TemporaryName, file.Name, cancellationToken).ConfigureAwait(false);
            LogUploaded(target, file, length);
            return FtpUploadOutcome.Uploaded;
        }

        return null;
    }

    // Stores under the temporary name, checks the length, renames into place; returns the number of bytes sent.
    private static async Task<long> StoreAsync(FtpConnection connection, FtpUploadFile file, Stream content, CancellationToken cancellationToken)
    {
        var sent = await connection.StoreAsync(file.TemporaryName, content, cancellationToken).ConfigureAwait(false);
        try
        {
            await connection.VerifySizeAsync(file.TemporaryName, sent, cancellationToken).ConfigureAwait(false);
        }
        catch (FtpException)
        {
            await connection.TryDeleteAsync(file.TemporaryName).ConfigureAwait(false);
            throw;
        }

        await connection.RenameAsync(file.TemporaryName, file.Name, cancellationToken).ConfigureAwait(false);
        return sent;
    }

    private void LogUploaded(FtpTarget target, FtpUploadFile file, long bytes) =>
        logger.LogInformation(
            "Uploaded {File} ({Bytes} bytes) to FTP {Host}:{Port} in /{Directory}",
            file.Name, bytes, target.Host, target.Port, file.Directory);

    private async Task<T> RunAsync<T>(FtpTarget target, bool fresh, Func<FtpConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        var server = $"{target.Host}:{target.Port}";
        var guard = guards.GetOrAdd(server, _ => new FtpServerGuard(target.Host, server, options));
        try
        {
            return await FtpConnectionPool.Shared.RunAsync(target, fresh, logger, guard.Pipeline, work, cancellationToken).ConfigureAwait(false);
        }
        catch (FtpContentReadException exception)
        {
            ExceptionDispatchInfo.Capture(exception.InnerException!).Throw();
            throw;
        }
        catch (FtpException exception)
        {
            logger.LogWarning("FTP {Server}: {Message}", server, exception.Message);
            throw;
        }
        catch (AuthenticationException exception)
        {
            throw Logged(new FtpException(
                $"TLS with the FTP server {server} failed: {exception.Message} {FtpCertificateValidation.Advice(target)}",
                isTransient: false,
                innerException: exception));
        }
        catch (BrokenCircuitException refusal)
        {
            throw Logged(guard.Refused(refusal));
        }
        catch (TimeoutRejectedException timeout)
        {
            throw Logged(guard.TimedOut(timeout));
        }
        catch (Exception exception) when (FtpTransportFailure.From(exception, server) is { } failure)
        {
            throw Logged(failure);
        }
    }

    private FtpException Logged(FtpException exception)
    {
        logger.LogWarning("{Message}", exception.Message);
        return exception;
    }
}
