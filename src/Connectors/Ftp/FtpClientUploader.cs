using System.Net.Sockets;
using System.Runtime.ExceptionServices;
using System.Security.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClarityConnect.Connectors.Ftp;

/// <summary>
/// <see cref="IFtpUploader"/> over <see cref="TcpClient"/> and <see cref="System.Net.Security.SslStream"/>: explicit
/// FTPS (<c>AUTH TLS</c>, <c>PBSZ 0</c>, <c>PROT P</c>) or plain FTP, passive mode (<c>EPSV</c>, then <c>PASV</c>),
/// binary transfers, one connection per call. FluentFTP can replace it behind <see cref="IFtpUploader"/>; see there.
/// </summary>
/// <remarks>
/// An upload runs: greeting, <c>AUTH TLS</c> (when <see cref="FtpTarget.UseTls"/>; refused means failure, never plain
/// FTP), <c>USER</c>/<c>PASS</c>, <c>PBSZ 0</c>/<c>PROT P</c>, <c>TYPE I</c>, <c>MKD</c>+<c>CWD</c> per directory
/// segment, <c>EPSV</c>/<c>PASV</c>, <c>STOR</c> of a temporary name (<c>.NAME.part</c>, hidden from most listings),
/// <c>SIZE</c> to check the length, <c>RNFR</c>/<c>RNTO</c> to the final name, <c>QUIT</c>. The data channel's TLS
/// session resumes the control connection's (servers such as vsftpd require it) and is closed with close_notify before
/// the socket. The class is stateless and thread-safe: register it as a singleton.
/// </remarks>
/// <param name="logger">Logs commands and replies at Debug (the password as <c>***</c>) and each upload at
/// Information.</param>
public sealed class FtpClientUploader(ILogger<FtpClientUploader>? logger = null) : IFtpUploader
{
    private readonly ILogger logger = logger ?? NullLogger<FtpClientUploader>.Instance;

    /// <inheritdoc />
    public async Task UploadAsync(
        FtpTarget target,
        string remoteDirectory,
        string remoteFileName,
        Stream content,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(content);
        var directories = FtpFileName.SanitizePath(remoteDirectory);
        var fileName = FtpFileName.Sanitize(remoteFileName);
        var temporaryName = $".{fileName}.part";
        var fromRoot = remoteDirectory is ['/' or '\\', ..];

        await RunAsync(
            target,
            async (session, token) =>
            {
                if (fromRoot)
                {
                    await session.ChangeToRootAsync(token).ConfigureAwait(false);
                }

                foreach (var directory in directories)
                {
                    await session.EnterOrCreateDirectoryAsync(directory, token).ConfigureAwait(false);
                }

                var sent = await session.StoreAsync(temporaryName, content, token).ConfigureAwait(false);
                try
                {
                    await session.VerifySizeAsync(temporaryName, sent, token).ConfigureAwait(false);
                }
                catch (FtpException)
                {
                    await session.TryDeleteAsync(temporaryName).ConfigureAwait(false);
                    throw;
                }

                await session.RenameAsync(temporaryName, fileName, token).ConfigureAwait(false);
                logger.LogInformation(
                    "Uploaded {File} ({Bytes} bytes) to FTP {Host}:{Port} in /{Directory}",
                    fileName, sent, target.Host, target.Port, string.Join('/', directories));
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task TestConnectionAsync(FtpTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        return RunAsync(target, (session, token) => session.PrintWorkingDirectoryAsync(token), cancellationToken);
    }

    private async Task RunAsync(FtpTarget target, Func<FtpSession, CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        var server = $"{target.Host}:{target.Port}";
        try
        {
            var session = await FtpSession.OpenAsync(target, logger, cancellationToken).ConfigureAwait(false);
            await using (session.ConfigureAwait(false))
            {
                await work(session, cancellationToken).ConfigureAwait(false);
                await session.QuitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (FtpContentReadException exception)
        {
            ExceptionDispatchInfo.Capture(exception.InnerException!).Throw();
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
        catch (TimeoutException exception)
        {
            throw Logged(new FtpException(exception.Message, isTransient: true, innerException: exception));
        }
        catch (SocketException exception)
        {
            throw Logged(new FtpException(
                $"The FTP server {server} could not be reached: {exception.Message} ({exception.SocketErrorCode}).",
                isTransient: true,
                innerException: exception));
        }
        catch (IOException exception)
        {
            throw Logged(new FtpException(
                $"The connection to the FTP server {server} failed: {exception.Message}",
                isTransient: true,
                innerException: exception));
        }
    }

    private FtpException Logged(FtpException exception)
    {
        logger.LogWarning("{Message}", exception.Message);
        return exception;
    }
}
