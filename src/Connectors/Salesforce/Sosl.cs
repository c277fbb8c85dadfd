using System.Text;

namespace ClarityConnect.Connectors.Salesforce;

/// <summary>Builds SOSL search terms from untrusted values.</summary>
/// <remarks>Inside <c>FIND {…}</c> the characters <c>? &amp; | ! { } [ ] ( ) ^ ~ * : \ " ' + -</c> are reserved and each
/// must be preceded by a backslash (crm-wire-facts A5). The words AND, OR and AND NOT are operators there; to search a
/// caller's text as plain words use <see cref="Phrase"/>, which also quotes it.</remarks>
public static class Sosl
{
    private const string Reserved = "?&|!{}[]()^~*:\\\"'+-";

    /// <summary>The FIND term with every reserved character backslash-escaped and control characters turned into spaces;
    /// wrap it in braces: <c>FIND {" + Sosl.Term(v) + "}</c>.</summary>
    public static string Term(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (Reserved.Contains(c))
            {
                text.Append('\\').Append(c);
            }
            else
            {
                text.Append(char.IsControl(c) ? ' ' : c);
            }
        }

        return text.ToString();
    }

    /// <summary>The term as a quoted phrase (<c>"…"</c>), so words like OR and AND in it are searched for, not applied.</summary>
    public static string Phrase(string value) => "\"" + Term(value) + "\"";

    /// <summary>The digits of a phone number, for a FIND term that matches however the number is formatted (<c>+1 (415) 555-1212</c> → <c>14155551212</c>).</summary>
    public static string PhoneDigits(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return string.Concat(value.Where(char.IsAsciiDigit));
    }
}
