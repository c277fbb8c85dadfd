using System.Globalization;
using System.Text.RegularExpressions;

namespace ClarityConnect.TestDoubles.Ftp;

/// <summary>
/// One line of vsftpd's protocol log (<see cref="VsftpdServer.LogFile"/>): the process that wrote it (one per client
/// connection after the login), what happened and its first quoted detail.
/// </summary>
/// <param name="Pid">The vsftpd process: after the login, every command of one control connection has the same.</param>
/// <param name="Kind">What happened: <c>FTP command</c>, <c>FTP response</c>, <c>OK UPLOAD</c>, <c>OK RENAME</c>,
/// <c>OK LOGIN</c>, <c>FAIL UPLOAD</c>, <c>CONNECT</c>, …</param>
/// <param name="Detail">The quoted text after the client address: the command, the reply, or the path(s) of a
/// transfer or rename (<c>/dir/.f.part /dir/f</c>); empty when there is none.</param>
public sealed partial record VsftpdLogEntry(int Pid, string Kind, string Detail)
{
    /// <summary>Reads every entry of a vsftpd log file.</summary>
    /// <param name="logFile">The log file.</param>
    /// <returns>The entries, in order.</returns>
    public static IReadOnlyList<VsftpdLogEntry> Read(string logFile)
    {
        if (!File.Exists(logFile))
        {
            return [];
        }

        // vsftpd appends while a test reads: share the file.
        using var stream = new FileStream(logFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var entries = new List<VsftpdLogEntry>();
        while (reader.ReadLine() is { } line)
        {
            var match = Line().Match(line);
            if (match.Success)
            {
                entries.Add(new VsftpdLogEntry(
                    int.Parse(match.Groups["pid"].Value, CultureInfo.InvariantCulture),
                    match.Groups["kind"].Value,
                    match.Groups["detail"].Value));
            }
        }

        return entries;
    }

    [GeneratedRegex("""\[pid (?<pid>\d+)\] (?:\[[^\]]*\] )?(?<kind>[A-Za-z ]+): Client "[^"]*"(?:, "(?<detail>.*?)")?(?:,|$)""")]
    private static partial Regex Line();
}
