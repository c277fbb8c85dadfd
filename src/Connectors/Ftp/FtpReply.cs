namespace ClarityConnect.Connectors.Ftp;

/// <summary>One reply of an FTP server: its code and every line (a multi-line reply has several, RFC 959 §4.2).</summary>
/// <param name="Code">The three-digit reply code.</param>
/// <param name="Lines">The reply's lines without their CRLF, the code included.</param>
internal sealed record FtpReply(int Code, IReadOnlyList<string> Lines)
{
    /// <summary>The reply as the server sent it, lines joined by a space.</summary>
    public string Text => string.Join(" ", Lines);

    /// <summary>1xx: the command started and another reply follows.</summary>
    public bool IsPreliminary => Code is >= 100 and < 200;

    /// <summary>4xx: the command failed, but the same command may succeed later.</summary>
    public bool IsTransientFailure => Code is >= 400 and < 500;

    /// <inheritdoc />
    public override string ToString() => Text;
}
