namespace ClarityConnect.Grains.Exports;

/// <summary>Opens a recording piece's audio under the platform's recordings root.</summary>
public static class RecordingFiles
{
    /// <summary>
    /// Opens <paramref name="location"/> relative to <paramref name="root"/> (an absolute location is used as is when
    /// no root is set). A location that escapes the root (<c>../</c>) is refused.
    /// </summary>
    public static Task<Stream> OpenAsync(string? root, string location, CancellationToken cancellationToken)
    {
        string path;
        if (string.IsNullOrWhiteSpace(root))
        {
            path = Path.IsPathRooted(location)
                ? location
                : throw new FileNotFoundException($"Recording '{location}' is relative, and the platform setting RecordingsRoot is not set.");
        }
        else
        {
            var fullRoot = Path.GetFullPath(root);
            path = Path.GetFullPath(Path.Combine(fullRoot, location.TrimStart('/', '\\')));
            if (!path.StartsWith(fullRoot.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw new UnauthorizedAccessException($"Recording '{location}' lies outside the recordings root.");
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<Stream>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true));
    }
}
