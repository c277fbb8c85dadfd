using System.Text;

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

    /// <summary>The path a 257 reply quotes (RFC 959 appendix II: <c>257 "PATHNAME" comment</c>, a quote inside the name
    /// doubled), or null when its first line quotes none.</summary>
    public string? QuotedPath()
    {
        var line = Lines[0];
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

    /// <inheritdoc />
    public override string ToString() => Text;
}
