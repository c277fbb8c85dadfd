using ClarityConnect.TestDoubles.Ftp;

namespace ClarityConnect.Connectors.Tests.Ftp;

/// <summary>Directories, contents and server-side views shared by the FTP tests.</summary>
internal static class FtpTestData
{
    /// <summary>A directory no other test uses.</summary>
    public static string UniqueDirectory() => $"t{Guid.NewGuid():N}";

    /// <summary>UTF-8 text as an upload's content.</summary>
    public static MemoryStream Text(string text) => new(System.Text.Encoding.UTF8.GetBytes(text));

    /// <summary>Random bytes of the given length.</summary>
    public static byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        Random.Shared.NextBytes(bytes);
        return bytes;
    }

    /// <summary>The names of the files in <paramref name="directory"/> on <paramref name="server"/>, sorted.</summary>
    public static string[] FileNames(VsftpdServer server, string directory)
    {
        var path = server.LocalPath(directory);
        return Directory.Exists(path)
            ? Directory.GetFiles(path).Select(file => Path.GetFileName(file)).Order(StringComparer.Ordinal).ToArray()
            : [];
    }

    /// <summary>The server's log entries of <paramref name="kind"/> (e.g. <c>OK UPLOAD</c>) naming <paramref name="directory"/>.</summary>
    public static List<VsftpdLogEntry> Logged(VsftpdServer server, string kind, string directory) =>
        server.ReadLog().Where(e => e.Kind == kind && e.Detail.Contains($"/{directory}/", StringComparison.Ordinal)).ToList();
}
