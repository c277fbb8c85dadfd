using System.Text;

namespace ClarityConnect.Connectors.Ftp;

/// <summary>
/// Reads replies from an FTP control connection, single- and multi-line (RFC 959 §4.2: <c>123-first line</c> … up to
/// the line that starts with <c>123 </c>), tolerating bare LF line ends. The underlying stream can be swapped when the
/// connection is upgraded to TLS.
/// </summary>
internal sealed class FtpReplyReader(Stream stream)
{
    private const int MaxLineLength = 8192;
    private const int MaxLinesPerReply = 1000;

    private readonly byte[] buffer = new byte[MaxLineLength];
    private int start;
    private int end;

    /// <summary>The stream replies are read from (the plain socket, then the TLS stream after <c>AUTH TLS</c>).</summary>
    public Stream Stream { get; set; } = stream;

    /// <summary>Whether bytes past the last reply were already received.</summary>
    public bool HasBufferedData => end > start;

    /// <summary>Reads the next complete reply.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The reply.</returns>
    public async Task<FtpReply> ReadReplyAsync(CancellationToken cancellationToken)
    {
        var first = await ReadLineAsync(cancellationToken).ConfigureAwait(false);
        if (first.Length < 3 || !int.TryParse(first.AsSpan(0, 3), out var code) || code < 100 || code > 599
            || (first.Length > 3 && first[3] is not (' ' or '-')))
        {
            throw new FtpException($"The server sent something that is not an FTP reply: '{Truncate(first)}'.", isTransient: false);
        }

        var lines = new List<string> { first };
        if (first.Length > 3 && first[3] == '-')
        {
            var codeText = first[..3];
            while (true)
            {
                var line = await ReadLineAsync(cancellationToken).ConfigureAwait(false);
                lines.Add(line);
                if (line == codeText || line.StartsWith(codeText + " ", StringComparison.Ordinal))
                {
                    break;
                }

                if (lines.Count > MaxLinesPerReply)
                {
                    throw new FtpException($"The server's reply {codeText} has more than {MaxLinesPerReply} lines.", isTransient: false);
                }
            }
        }

        return new FtpReply(code, lines);
    }

    private async Task<string> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var newline = Array.IndexOf(buffer, (byte)'\n', start, end - start);
            if (newline >= 0)
            {
                var length = newline - start;
                if (length > 0 && buffer[newline - 1] == '\r')
                {
                    length--;
                }

                var line = Encoding.UTF8.GetString(buffer, start, length);
                start = newline + 1;
                return line;
            }

            if (start > 0)
            {
                Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                end -= start;
                start = 0;
            }

            if (end == buffer.Length)
            {
                throw new FtpException($"The server sent a reply line longer than {MaxLineLength} bytes.", isTransient: false);
            }

            var read = await Stream.ReadAsync(buffer.AsMemory(end), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new IOException("The FTP server closed the control connection.");
            }

            end += read;
        }
    }

    private static string Truncate(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
