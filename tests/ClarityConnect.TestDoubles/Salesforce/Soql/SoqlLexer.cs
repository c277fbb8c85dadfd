using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ClarityConnect.TestDoubles.Salesforce.Soql;

/// <summary>Splits SOQL text into tokens, decoding string literals by Salesforce's escape table
/// (<c>\n \r \t \b \f \" \' \\ \uXXXX</c>, and <c>\_ \%</c> for LIKE); any other escape or an unterminated literal is MALFORMED_QUERY.</summary>
internal static partial class SoqlLexer
{
    public static List<SoqlToken> Tokenize(string text, string query)
    {
        var tokens = new List<SoqlToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '\'')
            {
                tokens.Add(ReadString(text, ref i, query));
            }
            else if (DateLiteral().Match(text, i) is { Success: true } date && date.Index == i)
            {
                tokens.Add(new SoqlToken(SoqlTokenKind.Date, date.Value, i));
                i += date.Length;
            }
            else if (char.IsAsciiDigit(c) || (c is '-' or '+' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                var start = i++;
                while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
                {
                    i++;
                }

                tokens.Add(new SoqlToken(SoqlTokenKind.Number, text[start..i], start));
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                var start = i;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '_' or '.' or ':'))
                {
                    i++;
                }

                tokens.Add(new SoqlToken(SoqlTokenKind.Identifier, text[start..i], start));
            }
            else if (c is '!' or '<' or '>' && i + 1 < text.Length && (text[i + 1] == '=' || (c == '<' && text[i + 1] == '>')))
            {
                tokens.Add(new SoqlToken(SoqlTokenKind.Symbol, text.Substring(i, 2) == "<>" ? "!=" : text.Substring(i, 2), i));
                i += 2;
            }
            else if (c is '(' or ')' or ',' or '=' or '<' or '>')
            {
                tokens.Add(new SoqlToken(SoqlTokenKind.Symbol, c.ToString(), i));
                i++;
            }
            else
            {
                throw SalesforceDoubleException.Malformed(query, $"unexpected character '{c}' at position {i}");
            }
        }

        tokens.Add(new SoqlToken(SoqlTokenKind.End, string.Empty, text.Length));
        return tokens;
    }

    private static SoqlToken ReadString(string text, ref int i, string query)
    {
        var start = i++;
        var value = new StringBuilder();
        var like = new StringBuilder("^");
        while (true)
        {
            if (i >= text.Length)
            {
                throw SalesforceDoubleException.Malformed(query, "unterminated string literal");
            }

            var c = text[i++];
            if (c == '\'')
            {
                return new SoqlToken(SoqlTokenKind.String, value.ToString(), start, like.Append('$').ToString());
            }

            if (c != '\\')
            {
                value.Append(c);
                like.Append(c switch { '%' => ".*", '_' => ".", _ => Regex.Escape(c.ToString()) });
                continue;
            }

            if (i >= text.Length)
            {
                throw SalesforceDoubleException.Malformed(query, "unterminated string literal");
            }

            var e = text[i++];
            string decoded;
            switch (e)
            {
                case 'n' or 'N': decoded = "\n"; break;
                case 'r' or 'R': decoded = "\r"; break;
                case 't' or 'T': decoded = "\t"; break;
                case 'b' or 'B': decoded = "\b"; break;
                case 'f' or 'F': decoded = "\f"; break;
                case '"': decoded = "\""; break;
                case '\'': decoded = "'"; break;
                case '\\': decoded = "\\"; break;
                case '_': decoded = "_"; break;
                case '%': decoded = "%"; break;
                case 'u' when i + 4 <= text.Length && int.TryParse(text.AsSpan(i, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code):
                    decoded = ((char)code).ToString();
                    i += 4;
                    break;
                default:
                    throw SalesforceDoubleException.Malformed(query, $"Invalid string literal: invalid escape sequence '\\{e}'");
            }

            value.Append(decoded);
            like.Append(Regex.Escape(decoded));
        }
    }

    [GeneratedRegex(@"\G\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?(?:Z|[+-]\d{2}:?\d{2}))?(?![\w])", RegexOptions.CultureInvariant)]
    private static partial Regex DateLiteral();
}
