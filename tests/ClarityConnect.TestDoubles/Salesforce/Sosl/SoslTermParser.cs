using System.Text;

namespace ClarityConnect.TestDoubles.Salesforce.Sosl;

/// <summary>
/// Parses the search query inside <c>FIND {…}</c> as the SOSL reference describes it, strictly:
/// <list type="bullet">
/// <item>single words and double-quoted phrases; unquoted <c>AND</c>, <c>OR</c> and <c>AND NOT</c> (any case) are
/// operators, words side by side are AND-ed, parentheses group; quoted, the same words are literal
/// (<c>FIND {"and" or "or"}</c>, the reference's own example);</item>
/// <item>the reserved characters <c>? &amp; | ! { } [ ] ( ) ^ ~ * : \ " ' + -</c> must be escaped with a backslash,
/// except where they have their role: <c>*</c> and <c>?</c> as wildcards, <c>"</c> around a phrase, <c>( )</c> around
/// a group outside quotes and <c>}</c> at the end; an unescaped one elsewhere, a backslash before anything else, an
/// operator without its operands, an unbalanced parenthesis or quote, and an empty term answer 400
/// <c>MALFORMED_SEARCH</c>;</item>
/// <item>a word or phrase with fewer than two letters or digits answers 400 <c>INVALID_SEARCH: search term must be
/// longer than one character</c> (so does <c>FIND {a OR b}</c>).</item>
/// </list>
/// </summary>
internal sealed class SoslTermParser
{
    private const string Reserved = "?&|!{}[]()^~*:\\\"'+-";
    private const string Unusable = "&|!{[]^~:'+-";
    private readonly List<(Kind Kind, string Text)> tokens = [];
    private readonly string sosl;
    private int next;

    private SoslTermParser(string sosl) => this.sosl = sosl;

    private enum Kind
    {
        Word,
        Phrase,
        And,
        Or,
        Not,
        Open,
        Close,
    }

    /// <summary>Parses the term of <paramref name="text"/> starting at <paramref name="i"/> (just after <c>{</c>) and moves <paramref name="i"/> past the closing <c>}</c>.</summary>
    public static SoslTerm Parse(string text, ref int i, string sosl)
    {
        var parser = new SoslTermParser(sosl);
        parser.Lex(text, ref i);
        if (parser.tokens.Count == 0 || parser.tokens.All(t => t.Kind is Kind.Phrase && t.Text.Trim().Length == 0))
        {
            throw Malformed("No search term found. The search term must be enclosed in braces and hold a word or phrase.");
        }

        var term = parser.ParseOr();
        if (parser.next < parser.tokens.Count)
        {
            throw parser.Unexpected();
        }

        if (term.Texts().Any(t => t.Text.EnumerateRunes().Count(System.Text.Rune.IsLetterOrDigit) < 2))
        {
            throw new SalesforceDoubleException(400, "INVALID_SEARCH", "search term must be longer than one character");
        }

        return term;
    }

    private static SalesforceDoubleException Malformed(string message) => new(400, "MALFORMED_SEARCH", message);

    private void Lex(string text, ref int i)
    {
        var word = new StringBuilder();
        var escaped = false;

        void EndWord()
        {
            if (word.Length > 0)
            {
                var w = word.ToString();
                tokens.Add((escaped ? Kind.Word : w.ToUpperInvariant() switch
                {
                    "AND" => Kind.And,
                    "OR" => Kind.Or,
                    "NOT" => Kind.Not,
                    _ => Kind.Word,
                }, w));
            }

            word.Clear();
            escaped = false;
        }

        while (true)
        {
            if (i >= text.Length)
            {
                throw Malformed($"No search term found. The search term must be enclosed in braces: {sosl}");
            }

            var c = text[i++];
            switch (c)
            {
                case '}':
                    EndWord();
                    return;
                case '\\':
                    word.Append(Escaped(text, ref i));
                    escaped = true;
                    break;
                case '"':
                    EndWord();
                    tokens.Add((Kind.Phrase, ReadPhrase(text, ref i)));
                    break;
                case '(' or ')':
                    EndWord();
                    tokens.Add((c == '(' ? Kind.Open : Kind.Close, c.ToString()));
                    break;
                case var _ when char.IsWhiteSpace(c):
                    EndWord();
                    break;
                case var _ when Unusable.Contains(c):
                    throw Malformed($"The reserved character '{c}' must be escaped with a backslash in the search term: {sosl}");
                default:
                    word.Append(c);
                    break;
            }
        }
    }

    private string ReadPhrase(string text, ref int i)
    {
        var phrase = new StringBuilder();
        while (true)
        {
            if (i >= text.Length || text[i] == '}')
            {
                throw Malformed($"The quoted phrase is not closed in the search term: {sosl}");
            }

            var c = text[i++];
            if (c == '"')
            {
                return phrase.ToString();
            }

            if (c == '\\')
            {
                phrase.Append(Escaped(text, ref i));
            }
            else if (Reserved.Contains(c) && c is not ('*' or '?'))
            {
                throw Malformed($"The reserved character '{c}' must be escaped with a backslash in the search term: {sosl}");
            }
            else
            {
                phrase.Append(c);
            }
        }
    }

    private char Escaped(string text, ref int i)
    {
        if (i >= text.Length || !Reserved.Contains(text[i]))
        {
            throw Malformed($"A backslash in the search term must precede a reserved character: {sosl}");
        }

        return text[i++];
    }

    private SoslTerm ParseOr()
    {
        var term = ParseAnd();
        while (Peek is Kind.Or)
        {
            next++;
            term = new SoslOr(term, ParseAnd());
        }

        return term;
    }

    private SoslTerm ParseAnd()
    {
        var term = ParseOperand();
        while (true)
        {
            if (Peek is Kind.And)
            {
                next++;
                if (Peek is Kind.Not)
                {
                    next++;
                    term = new SoslAndNot(term, ParseOperand());
                }
                else
                {
                    term = new SoslAnd(term, ParseOperand());
                }
            }
            else if (Peek is Kind.Word or Kind.Phrase or Kind.Open)
            {
                term = new SoslAnd(term, ParseOperand());
            }
            else
            {
                return term;
            }
        }
    }

    private SoslTerm ParseOperand()
    {
        switch (Peek)
        {
            case Kind.Word or Kind.Phrase:
                var (kind, text) = tokens[next++];
                return new SoslText(text, kind == Kind.Phrase);
            case Kind.Open:
                next++;
                var group = ParseOr();
                if (Peek is not Kind.Close)
                {
                    throw Malformed($"A parenthesis is not closed in the search term: {sosl}");
                }

                next++;
                return group;
            default:
                throw Unexpected();
        }
    }

    private Kind? Peek => next < tokens.Count ? tokens[next].Kind : null;

    private SalesforceDoubleException Unexpected() => next < tokens.Count
        ? Malformed($"Unexpected '{tokens[next].Text}' in the search term: an operator needs a word or phrase on each side: {sosl}")
        : Malformed($"The search term ends with an operator: {sosl}");
}
