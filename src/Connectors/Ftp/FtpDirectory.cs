namespace ClarityConnect.Connectors.Ftp;

/// <summary>
/// A directory an upload goes to: sanitized segments below the login directory, or below the server's root when the
/// caller's path started with <c>/</c>. Two values are equal when they name the same directory.
/// </summary>
/// <param name="FromRoot">Whether the segments start at the server's root rather than the login directory.</param>
/// <param name="Segments">The directory names, each passed through <see cref="FtpFileName.Sanitize"/>.</param>
internal sealed record FtpDirectory(bool FromRoot, IReadOnlyList<string> Segments)
{
    /// <summary>The login directory itself.</summary>
    public static FtpDirectory Login { get; } = new(false, []);

    /// <summary>The directory of a caller's path; see <see cref="IFtpUploader.UploadAsync"/> for the rules.</summary>
    /// <param name="remoteDirectory">The unsafe path.</param>
    /// <returns>The safe directory.</returns>
    public static FtpDirectory Parse(string? remoteDirectory) =>
        new(remoteDirectory is ['/' or '\\', ..], FtpFileName.SanitizePath(remoteDirectory));

    /// <inheritdoc />
    public bool Equals(FtpDirectory? other) =>
        other is not null && FromRoot == other.FromRoot && Segments.SequenceEqual(other.Segments, StringComparer.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(FromRoot);
        foreach (var segment in Segments)
        {
            hash.Add(segment, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public override string ToString() => (FromRoot ? "/" : "") + string.Join('/', Segments);
}
