using System.Globalization;

namespace ClarityConnect.Abstractions.Integrations;

/// <summary>The character checks every text setting shares: no control, formatting or otherwise invisible characters.</summary>
internal static class SettingText
{
    /// <summary>
    /// What is wrong with <paramref name="value"/>'s characters, or null. Never quotes the value (it may be a secret):
    /// names the offending code point and its position instead.
    /// </summary>
    public static string? Characters(string value, int maxLength)
    {
        if (value.Length > maxLength)
        {
            return $"is {value.Length} characters long; at most {maxLength} are allowed";
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                var category = CharUnicodeInfo.GetUnicodeCategory(value, i);
                if (category is UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or UnicodeCategory.Format)
                {
                    return $"contains {Describe(category)} (U+{char.ConvertToUtf32(c, value[i + 1]):X4}) at character {i + 1}";
                }

                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                return $"contains an unpaired UTF-16 surrogate (U+{(int)c:X4}) at character {i + 1}";
            }

            var single = CharUnicodeInfo.GetUnicodeCategory(c);
            if (single is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned)
            {
                return $"contains {Describe(single)} (U+{(int)c:X4}) at character {i + 1}";
            }
        }

        return null;
    }

    /// <summary>Characters, plus: no white space at either end (a pasted value carrying a stray space or line break is refused, not silently trimmed).</summary>
    public static string? Trimmed(string value, int maxLength)
    {
        if (Characters(value, maxLength) is { } error)
        {
            return error;
        }

        return value.Length > 0 && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))
            ? "must not begin or end with white space"
            : null;
    }

    /// <summary>Whether every character is printable ASCII (no space).</summary>
    public static bool IsVisibleAscii(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (c is <= ' ' or >= '\u007f')
            {
                return false;
            }
        }

        return true;
    }

    private static string Describe(UnicodeCategory category) => category switch
    {
        UnicodeCategory.Control => "a control character (line breaks, NUL and the like are not allowed)",
        UnicodeCategory.Format => "an invisible formatting character (bidirectional controls, zero-width characters and the like are not allowed)",
        UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => "a line or paragraph separator",
        UnicodeCategory.PrivateUse => "a private-use character",
        _ => "an unassigned or non-character code point",
    };
}
