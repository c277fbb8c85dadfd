using System.Net.Sockets;
using System.Text;

namespace ClarityConnect.TestDoubles.Ftp;

/// <summary>
/// A plain-FTP server on loopback that refuses every login and quotes the command it refused, password included
/// (<c>530-Login incorrect.</c> / <c>530 Refused: PASS hunter2</c>), as some servers and FTP proxies do. vsftpd never
/// echoes the password, so this is how tests prove that a password a server echoes is not passed on.
/// </summary>
/// <remarks>
/// It speaks enough RFC 959 for a client's login: the greeting (220), <c>USER</c> (331), <c>PASS</c> (530, multi-line,
/// quoting the command as received and its URL-encoded form), <c>AUTH</c> (502, so FTPS clients stop before the login),
/// <c>QUIT</c> (221); anything else gets 530.
/// </remarks>
public sealed class EchoingFtpServer : LoopbackFtpServer
{
    private int logins;

    private EchoingFtpServer()
    {
    }

    /// <summary>How many <c>PASS</c> commands were refused so far.</summary>
    public int RefusedLogins => Volatile.Read(ref logins);

    /// <summary>Starts listening on a free loopback port.</summary>
    public static EchoingFtpServer Start()
    {
        var server = new EchoingFtpServer();
        server.Listen();
        return server;
    }

    /// <inheritdoc />
    protected override async Task ServeAsync(NetworkStream stream, CancellationToken stopping)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8);
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 Echo FTP ready");
        while (await reader.ReadLineAsync(stopping) is { } command)
        {
            var verb = command.Split(' ')[0].ToUpperInvariant();
            switch (verb)
            {
                case "USER":
                    await writer.WriteLineAsync($"331 Password required for {command[4..].Trim()}");
                    break;
                case "PASS":
                    Interlocked.Increment(ref logins);
                    var password = command.Length > 5 ? command[5..] : string.Empty;
                    await writer.WriteLineAsync("530-Login incorrect.");
                    await writer.WriteLineAsync($" Refused: {command}");
                    await writer.WriteLineAsync($"530 (encoded: {Uri.EscapeDataString(password)})");
                    break;
                case "AUTH":
                    await writer.WriteLineAsync("502 AUTH not supported");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 Goodbye");
                    return;
                default:
                    await writer.WriteLineAsync($"530 Please login with USER and PASS ({command})");
                    break;
            }
        }
    }
}
