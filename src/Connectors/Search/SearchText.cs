using System.Globalization;
using System.Text;

namespace ClarityConnect.Connectors.Search;

/// <summary>
/// Caller text (a caller ID name) made fit to search for in a CRM, whatever the query language: invisible characters
/// removed, white space collapsed, and the shortest text worth a search.
/// </summary>
public static class SearchText
{
    /// <summary>
    /// The fewest letters or digits a search needs. Salesforce answers a shorter SOSL term with <c>INVALID_SEARCH:
    /// search term must be longer than one character</c>; Dataverse has no minimum, but a one-letter name matches no
    /// one in particular, so both CRMs get the same rule.
    /// </summary>
    public const int MinimumLength = 2;

    /// <summary>
    /// <paramref name="value"/> without control characters (NUL, backspace, CR, LF, DEL, C1), invisible formatting
    /// characters (zero-width, bidi controls, soft hyphen, BOM) and unpaired surrogates, removed rather than turned
    /// into spaces so <c>Jo\u0000hn</c> stays one word; every run of white space (no-break and ideographic spaces
    /// included) becomes one space, none at either end.
    /// </summary>
    public static string Clean(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = new StringBuilder(value.Length);
        var pendingSpace = false;
        foreach (var rune in Runes(value))
        {
            if (Rune.IsWhiteSpace(rune))
            {
                pendingSpace = text.Length > 0;
                continue;
            }

            if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format)
            {
                continue;
            }

            if (pendingSpace)
            {
                text.Append(' ');
                pendingSpace = false;
            }

            text.Append(rune.ToString());
        }

        return text.ToString();
    }

    /// <summary>The letters and digits in <paramref name="value"/>: what a search engine can match on.</summary>
    public static int SearchableLength(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Runes(value).Count(Rune.IsLetterOrDigit);
    }

    /// <summary>True when <paramref name="value"/>, once <see cref="Clean"/>ed, has at least <see cref="MinimumLength"/> letters or digits.</summary>
    public static bool IsSearchable(string value) => SearchableLength(Clean(value)) >= MinimumLength;

    // Unpaired surrogates are skipped: they are not text, and UTF-8 would turn them into U+FFFD on the wire.
    private static IEnumerable<Rune> Runes(string value)
    {
        for (var i = 0; i < value.Length;)
        {
            var status = Rune.DecodeFromUtf16(value.AsSpan(i), out var rune, out var consumed);
            if (status == System.Buffers.OperationStatus.Done)
            {
                yield return rune;
            }

            i += consumed;
        }
    }
}
