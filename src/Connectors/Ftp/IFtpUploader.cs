namespace ClarityConnect.Connectors.Ftp;

/// <summary>
/// The seam through which ClarityConnect sends files to an FTP or FTPS server (the CSI Virtual Observer instance's
/// recordings, transcripts and ACD statistics).
/// </summary>
/// <remarks>
/// <para>
/// Uploads to one server take turns on one kept, logged-in control connection (one login and one TLS handshake for the
/// files of an export), closed after <see cref="FtpTarget.IdleConnectionTimeout"/> unused; a kept connection the server
/// has closed is reopened once. With FTPS every data channel resumes its control connection's TLS 1.2 session, as
/// servers requiring session reuse (vsftpd's default) demand.
/// </para>
/// <para>
/// The implementation shipped today is <see cref="FtpClientUploader"/>, a small client of our own over
/// <see cref="System.Net.Sockets.TcpClient"/> and <see cref="System.Net.Security.SslStream"/>: FluentFTP, which the
/// design names, is not obtainable from the package registry this project builds from, and .NET's
/// <c>FtpWebRequest</c> fails FTPS uploads on Linux (TLS errors / 426 on the data channel). When FluentFTP becomes
/// available, an <c>AsyncFtpClient</c>-based class implementing this interface can replace it without touching the
/// callers: it must keep the contract documented on each member (explicit FTPS never falling back to plain, sanitized
/// names, upload to a temporary name then rename, a file found in place not uploaded again by
/// <see cref="UploadOnceAsync"/>, transient/permanent failures as <see cref="FtpException"/>).
/// </para>
/// </remarks>
public interface IFtpUploader
{
    /// <summary>
    /// Uploads <paramref name="content"/> (read to its end from its current position) as
    /// <paramref name="remoteFileName"/> in <paramref name="remoteDirectory"/>, creating the directories that are
    /// missing.
    /// </summary>
    /// <param name="target">The server, credentials and TLS policy.</param>
    /// <param name="remoteDirectory">
    /// Directory path, segments separated by <c>/</c>, relative to the login directory (a leading <c>/</c> starts at
    /// the server's root). Every segment is passed through <see cref="FtpFileName.Sanitize"/>; segments that sanitize
    /// to nothing (<c>.</c>, <c>..</c>, empty) are dropped. Empty means the login directory.
    /// </param>
    /// <param name="remoteFileName">File name; passed through <see cref="FtpFileName.Sanitize"/>.</param>
    /// <param name="content">The bytes to upload.</param>
    /// <param name="cancellationToken">Cancels the upload; the file does not appear under its final name.</param>
    /// <returns>A task that completes once the file is stored under its final name with the expected size.</returns>
    /// <remarks>
    /// The file is stored under a temporary name and renamed to its final name only after the transfer completed and
    /// the server reported the expected size, so a reader never sees a partial file under the final name and an
    /// upload that failed midway can simply be repeated (the next attempt overwrites the temporary file and the
    /// final file).
    /// </remarks>
    /// <exception cref="FtpException">
    /// The upload failed; <see cref="FtpException.IsTransient"/> tells whether retrying later can help.
    /// </exception>
    Task UploadAsync(
        FtpTarget target,
        string remoteDirectory,
        string remoteFileName,
        Stream content,
        CancellationToken cancellationToken);

    /// <summary>
    /// Uploads a file whose content never changes under its name (a recording piece, a manifest, a transcript) at most
    /// once: when the final file is already there with the content's length, nothing is sent. Otherwise as
    /// <see cref="UploadAsync"/>, except that a temporary file left complete by an earlier attempt (same length) is
    /// renamed into place without sending the bytes again.
    /// </summary>
    /// <param name="target">The server, credentials and TLS policy.</param>
    /// <param name="remoteDirectory">As for <see cref="UploadAsync"/>.</param>
    /// <param name="remoteFileName">As for <see cref="UploadAsync"/>.</param>
    /// <param name="content">The bytes to upload, from the current position to the end; must be seekable, since its
    /// length is the size the server must hold.</param>
    /// <param name="cancellationToken">Cancels the upload; the file does not appear under its final name.</param>
    /// <returns>Whether the file was uploaded now or found in place.</returns>
    /// <remarks>
    /// The size is asked with <c>SIZE</c> (RFC 3659). A server that does not implement it cannot say whether the file
    /// is there, and the file is uploaded (at least once instead of exactly once). Use <see cref="UploadAsync"/> for a
    /// file whose content may change under the same name (an ACD interval corrected later): a length that happens to
    /// match would keep the old content.
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="content"/> is not seekable.</exception>
    /// <exception cref="FtpException">
    /// The upload failed; <see cref="FtpException.IsTransient"/> tells whether retrying later can help.
    /// </exception>
    Task<FtpUploadOutcome> UploadOnceAsync(
        FtpTarget target,
        string remoteDirectory,
        string remoteFileName,
        Stream content,
        CancellationToken cancellationToken);

    /// <summary>
    /// Connects, negotiates TLS when <see cref="FtpTarget.UseTls"/> is set, logs in and logs out, without transferring
    /// any file. Used by the admin "test connection" action and at start-up.
    /// </summary>
    /// <param name="target">The server, credentials and TLS policy.</param>
    /// <param name="cancellationToken">Cancels the test.</param>
    /// <returns>A task that completes when the server accepted the login.</returns>
    /// <exception cref="FtpException">The connection, TLS negotiation or login failed.</exception>
    Task TestConnectionAsync(FtpTarget target, CancellationToken cancellationToken);
}
