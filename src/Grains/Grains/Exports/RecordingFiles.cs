using ClarityConnect.Abstractions.Sessions;

namespace ClarityConnect.Grains.Exports;

/// <summary>Opens a recording piece's audio under the platform's recordings root.</summary>
public static class RecordingFiles
{
    /// <summary>
    /// Opens <paramref name="location"/> relative to <paramref name="root"/> (<see cref="RecordingLocations.LocalPath"/>:
    /// an absolute location is used as is when no root is set; a location that escapes the root is refused).
    /// </summary>
    public static Task<Stream> OpenAsync(string? root, string location, CancellationToken cancellationToken)
    {
        var path = RecordingLocations.LocalPath(root, location);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<Stream>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true));
    }
}
