using ClarityConnect.Silo.Configuration;
using ClarityConnect.Connectors.Security;

namespace ClarityConnect.Silo.Startup;

/// <summary>
/// An exclusive lock on the embedded profile's data folder, held for the silo's life: a second silo started on the same
/// folder stops before it opens the SQLite database, instead of writing into it beside the first. The lock is an
/// advisory lock (<c>flock</c>) on <c>silo.lock</c> that the operating system releases when the process ends, also after
/// a crash or <c>kill -9</c>, so a stale file never blocks a restart.
/// </summary>
public sealed class DataFolderLock : IDisposable
{
    /// <summary>The lock file's name inside the data folder.</summary>
    public const string FileName = "silo.lock";

    private readonly FileStream _file;

    private DataFolderLock(FileStream file) => _file = file;

    /// <summary>
    /// Makes the data folder private (<c>0700</c>, narrowing one made by an older version) and locks it; returns the lock,
    /// or the problem naming <c>ClarityConnect:Storage:DataDirectory</c> when another process holds it or the folder is unusable.
    /// </summary>
    public static (DataFolderLock? Lock, string? Problem) Acquire(string dataDirectory)
    {
        var folder = Path.GetFullPath(dataDirectory);
        var setting = ClarityConnectOptionsValidator.Name("Storage:DataDirectory");
        var path = Path.Combine(folder, FileName);
        try
        {
            PrivateFiles.EnsureDirectory(folder);
            var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = PrivateFiles.FileMode;
            }

            // FileShare.None takes flock(LOCK_EX | LOCK_NB) on Unix and a sharing lock on Windows; both fail at once when held.
            return (new DataFolderLock(new FileStream(path, options)), null);
        }
        catch (IOException) when (File.Exists(path))
        {
            return (null, $"{setting} '{folder}' is in use by another ClarityConnect silo (it holds {path}); stop that silo or give this one another data folder.");
        }
        catch (Exception unusable) when (unusable is IOException or UnauthorizedAccessException)
        {
            return (null, $"{setting} '{folder}' cannot be used: {unusable.Message}");
        }
    }

    /// <summary>Releases the lock (the file stays: deleting it would let a third silo lock a different file of the same name).</summary>
    public void Dispose() => _file.Dispose();
}
