namespace ClarityConnect.Connectors.Security;

/// <summary>
/// Creates folders and files that hold data only the service account may read: folders <c>0700</c>, files <c>0600</c>
/// (caller names and numbers, keys, certificates). On Windows the folder's inherited ACL applies instead.
/// </summary>
public static class PrivateFiles
{
    /// <summary>Owner read and write: the mode of every file holding data or keys.</summary>
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Owner read, write and enter: the mode of every folder holding such files.</summary>
    public const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Creates <paramref name="path"/> (and missing parents) as a private folder; an existing folder is narrowed to <c>0700</c>.</summary>
    public static string EnsureDirectory(string path)
    {
        var full = Path.GetFullPath(path);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(full);
            return full;
        }

        Directory.CreateDirectory(full, DirectoryMode);
        if ((File.GetUnixFileMode(full) & ~DirectoryMode) != 0)
        {
            File.SetUnixFileMode(full, DirectoryMode);
        }

        return full;
    }

    /// <summary>Narrows an existing file to <c>0600</c> (a database or key created by an older version, or by a library).</summary>
    public static void Restrict(string path)
    {
        if (!OperatingSystem.IsWindows() && File.Exists(path) && (File.GetUnixFileMode(path) & ~FileMode) != 0)
        {
            File.SetUnixFileMode(path, FileMode);
        }
    }

    /// <summary>
    /// Writes <paramref name="content"/> to a new file created <c>0600</c> from the start (never readable by others, not
    /// even for a moment), in a private folder. Throws <see cref="IOException"/> when the file already exists.
    /// </summary>
    public static void CreateNew(string path, ReadOnlySpan<byte> content)
    {
        EnsureDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var options = new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode;
        }

        using var stream = new FileStream(path, options);
        stream.Write(content);
    }
}
