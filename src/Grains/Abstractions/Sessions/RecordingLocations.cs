namespace ClarityConnect.Abstractions.Sessions;

/// <summary>
/// Where a recording piece's audio is, from its <see cref="RecordingPiece.Location"/> and the platform's
/// <see cref="Integrations.PlatformSettings.RecordingsRoot"/>: the one rule the exports (reading the file) and the
/// administrative website (playing it) share, so a location can never reach outside the root in either.
/// </summary>
public static class RecordingLocations
{
    /// <summary>Whether <paramref name="root"/> is an http(s) base URL rather than a local folder.</summary>
    public static bool IsUrl(string? root) =>
        Uri.TryCreate(root, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>
    /// The local file of <paramref name="location"/>, relative to the folder <paramref name="root"/> (an absolute location
    /// is used as is when no root is set). A location that escapes the root (<c>../</c>) is refused.
    /// </summary>
    /// <exception cref="FileNotFoundException">The location is relative and no root is set.</exception>
    /// <exception cref="UnauthorizedAccessException">The location lies outside the root.</exception>
    public static string LocalPath(string? root, string location)
    {
        if (string.IsNullOrWhiteSpace(root))
        {
            return Path.IsPathRooted(location)
                ? location
                : throw new FileNotFoundException($"Recording '{location}' is relative, and the platform setting RecordingsRoot is not set.");
        }

        var fullRoot = Path.GetFullPath(root);
        var path = Path.GetFullPath(Path.Combine(fullRoot, location.TrimStart('/', '\\')));
        return path.StartsWith(fullRoot.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? path
            : throw new UnauthorizedAccessException($"Recording '{location}' lies outside the recordings root.");
    }

    /// <summary>
    /// The URL of <paramref name="location"/> under the http(s) base URL <paramref name="root"/>. A location that escapes
    /// the root's path (<c>../</c>) or names another origin is refused.
    /// </summary>
    /// <exception cref="UnauthorizedAccessException">The location lies outside the root.</exception>
    public static Uri Url(string root, string location)
    {
        var baseUri = new Uri(root.EndsWith('/') ? root : root + "/");
        if (!Uri.TryCreate(baseUri, location.TrimStart('/', '\\'), out var url)
            || !url.AbsoluteUri.StartsWith(baseUri.AbsoluteUri, StringComparison.Ordinal))
        {
            throw new UnauthorizedAccessException($"Recording '{location}' lies outside the recordings root.");
        }

        return url;
    }
}
