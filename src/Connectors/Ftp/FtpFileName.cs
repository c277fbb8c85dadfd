using System.Globalization;
using System.Text;

namespace ClarityConnect.Connectors.Ftp;

/// <summary>
/// Turns caller data (session ids, queue names, agent names) into file and directory names that are safe on any FTP
/// server: only <c>[A-Za-z0-9._-]</c>, no leading dot, at most <see cref="MaxLength"/> characters. No path separator,
/// <c>..</c> segment, control character or FTP command terminator survives.
/// </summary>
public static class FtpFileName
{
    /// <summary>The longest name <see cref="Sanitize"/> returns.</summary>
    public const int MaxLength = 120;

    /// <summary>
    /// Returns a safe name for <paramref name="name"/>: accents are removed (<c>é</c> → <c>e</c>), every other
    /// character outside <c>[A-Za-z0-9._-]</c> becomes <c>_</c>, leading dots are dropped, and a name longer than
    /// <see cref="MaxLength"/> is shortened keeping its extension.
    /// </summary>
    /// <param name="name">The unsafe name.</param>
    /// <returns>The safe name, never empty.</returns>
    /// <exception cref="ArgumentException">Nothing of <paramref name="name"/> is left (empty, or only dots).</exception>
    public static string Sanitize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return TrySanitize(name) ?? throw new ArgumentException(
            $"'{name}' cannot be made into a safe FTP name: nothing is left once unsafe characters and leading dots are removed.",
            nameof(name));
    }

    /// <summary>
    /// Splits a directory path on <c>/</c> and <c>\</c> and sanitizes each segment with <see cref="Sanitize"/>;
    /// segments that sanitize to nothing (<c>.</c>, <c>..</c>, empty) are dropped, so the result can never climb out
    /// of the starting directory.
    /// </summary>
    /// <param name="path">The unsafe directory path; <see langword="null"/> or empty means no segment.</param>
    /// <returns>The safe segments, in order.</returns>
    public static IReadOnlyList<string> SanitizePath(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return [];
        }

        var segments = new List<string>();
        foreach (var part in path.Split(['/', '\\'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (TrySanitize(part) is { } safe)
            {
                segments.Add(safe);
            }
        }

        return segments;
    }

    private static string? TrySanitize(string name)
    {
        var builder = new StringBuilder(Math.Min(name.Length, MaxLength * 2));
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '_');
        }

        var safe = builder.ToString().TrimStart('.');
        if (safe.Length == 0)
        {
            return null;
        }

        if (safe.Length > MaxLength)
        {
            var extension = Path.GetExtension(safe);
            if (extension.Length is 0 or > 16)
            {
                extension = string.Empty;
            }

            safe = string.Concat(safe.AsSpan(0, MaxLength - extension.Length), extension);
        }

        return safe;
    }
}
