using System.Text;
using ClarityConnect.Connectors.Search;

namespace ClarityConnect.Connectors.Salesforce;

/// <summary>Builds SOSL search terms from untrusted values.</summary>
/// <remarks>Inside <c>FIND {…}</c> the characters <c>? &amp; | ! { } [ ] ( ) ^ ~ * : \ " ' + -</c> are reserved and each
/// must be preceded by a backslash (crm-wire-facts A5). Unquoted, the words AND, OR and AND NOT (any case) are operators
/// and <c>*</c> / <c>?</c> wildcards; to search a caller's text as plain words use <see cref="Phrase"/>, which also
/// quotes it, so no caller text can add an operator, a wildcard or a clause.</remarks>
public static class Sosl
{
    private const string Reserved = "?&|!{}[]()^~*:\\\"'+-";

    /// <summary>
    /// The FIND term with every reserved character backslash-escaped, after <see cref="SearchText.Clean"/> (control and
    /// invisible characters removed, white space collapsed); wrap it in braces: <c>FIND {" + Sosl.Term(v) + "}</c>.
    /// Words in it stay operators: prefer <see cref="Phrase"/> for caller text.
    /// </summary>
    public static string Term(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var clean = SearchText.Clean(value);
        var text = new StringBuilder(clean.Length + 8);
        foreach (var c in clean)
        {
            if (Reserved.Contains(c))
            {
                text.Append('\\');
            }

            text.Append(c);
        }

        return text.ToString();
    }

    /// <summary>
    /// The term as a quoted phrase (<c>"…"</c>), so words like OR, AND and NOT in it are searched for, not applied.
    /// Check <see cref="SearchText.IsSearchable"/> first: Salesforce refuses a phrase with fewer than two characters.
    /// </summary>
    public static string Phrase(string value) => "\"" + Term(value) + "\"";

    /// <summary>Any of <paramref name="values"/>, each a <see cref="Phrase"/>, joined by OR: <c>"4155550100" OR "14155550100"</c>.</summary>
    public static string AnyPhrase(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var phrases = values.Select(Phrase).Distinct(StringComparer.Ordinal).ToList();
        return phrases.Count > 0 ? string.Join(" OR ", phrases) : throw new ArgumentException("At least one value is needed.", nameof(values));
    }
}
