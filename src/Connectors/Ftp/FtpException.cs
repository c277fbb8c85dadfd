namespace ClarityConnect.Connectors.Ftp;

/// <summary>An FTP upload or connection test failed.</summary>
public sealed class FtpException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed, including the server's reply when there was one; never the password.</param>
    /// <param name="isTransient">Whether retrying later can help.</param>
    /// <param name="replyCode">The server's reply code, when the failure is a reply.</param>
    /// <param name="serverReply">The server's reply text, when the failure is a reply.</param>
    /// <param name="innerException">The underlying network or TLS error, if any.</param>
    public FtpException(
        string message,
        bool isTransient,
        int? replyCode = null,
        string? serverReply = null,
        Exception? innerException = null)
        : base(message, innerException)
    {
        IsTransient = isTransient;
        ReplyCode = replyCode;
        ServerReply = serverReply;
    }

    /// <summary>
    /// <see langword="true"/> for failures that retrying later can fix: connection refused, reset or timed out, and
    /// 4xx replies ("transient negative completion"). <see langword="false"/> for configuration problems: login
    /// refused, FTPS required but not offered, untrusted certificate, permission denied (5xx).
    /// </summary>
    public bool IsTransient { get; }

    /// <summary>The server's three-digit reply code, when the failure is a reply.</summary>
    public int? ReplyCode { get; }

    /// <summary>The server's full reply text (all lines), when the failure is a reply.</summary>
    public string? ServerReply { get; }
}
