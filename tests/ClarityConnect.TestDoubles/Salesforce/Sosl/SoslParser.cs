using System.Text;
using ClarityConnect.TestDoubles.Salesforce.Soql;

namespace ClarityConnect.TestDoubles.Salesforce.Sosl;

/// <summary>Parses <c>FIND {term} [IN ALL|NAME|EMAIL|PHONE|SIDEBAR FIELDS] [RETURNING Obj[(fields [WHERE …] [ORDER BY …] [LIMIT n])], …] [LIMIT n]</c>.
/// Inside the braces a backslash escapes the next character; unescaped <c>"</c> delimits phrases and unescaped OR / AND / AND NOT are operators.</summary>
internal static class SoslParser
{
    public static SoslQuery Parse(string sosl, SalesforceDoubleOrg org)
    {
        try
        {
            return ParseCore(sosl, org);
        }
        catch (SalesforceDoubleException ex) when (ex.ErrorCode == "MALFORMED_QUERY")
        {
            throw new SalesforceDoubleException(400, "MALFORMED_SEARCH", ex.Message);
        }
    }

    private static SoslQuery ParseCore(string sosl, SalesforceDoubleOrg org)
    {
        var text = sosl.TrimStart();
        if (!text.StartsWith("FIND", StringComparison.OrdinalIgnoreCase))
        {
            throw SalesforceDoubleException.Malformed(sosl, "expecting 'FIND'");
        }

        var i = 4;
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        if (i >= text.Length || text[i] != '{')
        {
            throw SalesforceDoubleException.Malformed(sosl, "expecting '{' after FIND");
        }

        i++;
        var (groups, raw) = ReadTerm(text, ref i, sosl);
        var letters = string.Concat(raw.Where(char.IsLetterOrDigit));
        if (letters.Length < 2)
        {
            throw new SalesforceDoubleException(400, "MALFORMED_SEARCH", "search term must be longer than one character: " + raw);
        }

        var tail = text[i..];
        var parser = new SoqlParser(SoqlLexer.Tokenize(tail, sosl), sosl, org);
        var searchGroup = "ALL";
        if (parser.TryKeyword("IN"))
        {
            var group = parser.Next();
            searchGroup = group.Text.ToUpperInvariant();
            if (searchGroup is not ("ALL" or "NAME" or "EMAIL" or "PHONE" or "SIDEBAR"))
            {
                throw parser.Malformed($"unexpected search group '{group.Text}'");
            }

            parser.ExpectKeyword("FIELDS");
        }

        var returning = new List<SoslReturning>();
        if (parser.TryKeyword("RETURNING"))
        {
            do
            {
                returning.Add(ReadReturning(parser, org, sosl));
            }
            while (parser.Peek.IsSymbol(",") && parser.Next() is not null);
        }

        int? limit = parser.TryKeyword("LIMIT") ? parser.ReadInteger() : null;
        if (parser.Peek.Kind != SoqlTokenKind.End)
        {
            throw parser.Malformed($"unexpected token: '{parser.Peek.Text}'");
        }

        return new SoslQuery(raw, groups, searchGroup, returning, limit);
    }

    private static SoslReturning ReadReturning(SoqlParser parser, SalesforceDoubleOrg org, string sosl)
    {
        var name = parser.Next();
        if (name.Kind != SoqlTokenKind.Identifier)
        {
            throw parser.Malformed($"unexpected token: '{name.Text}'");
        }

        var type = org.Find(name.Text) ?? throw SalesforceDoubleException.InvalidType(sosl, name.Text);
        if (!parser.Peek.IsSymbol("("))
        {
            return new SoslReturning(type, [parser.Bind(type, "Id")], null, [], null);
        }

        parser.Next();
        var fields = parser.ReadFieldNames().Select(f => parser.Bind(type, f)).ToList();
        var where = parser.TryKeyword("WHERE") ? parser.ParseCondition(type) : null;
        var orderBy = parser.TryKeyword("ORDER") ? parser.ParseOrderBy(type) : [];
        int? limit = parser.TryKeyword("LIMIT") ? parser.ReadInteger() : null;
        parser.ExpectSymbol(")");
        return new SoslReturning(type, fields, where, orderBy, limit);
    }

    private static (List<IReadOnlyList<SoslItem>> Groups, string Raw) ReadTerm(string text, ref int i, string sosl)
    {
        var groups = new List<IReadOnlyList<SoslItem>>();
        var current = new List<SoslItem>();
        var raw = new StringBuilder();
        var word = new StringBuilder();
        var wordHadEscape = false;
        var negateNext = false;
        var inPhrase = false;

        void EndWord()
        {
            if (word.Length == 0)
            {
                return;
            }

            var w = word.ToString();
            word.Clear();
            if (inPhrase)
            {
                return;
            }

            if (!wordHadEscape && w.Equals("OR", StringComparison.OrdinalIgnoreCase))
            {
                groups.Add(current);
                current = [];
            }
            else if (!wordHadEscape && w.Equals("AND", StringComparison.OrdinalIgnoreCase))
            {
            }
            else if (!wordHadEscape && w.Equals("NOT", StringComparison.OrdinalIgnoreCase))
            {
                negateNext = true;
            }
            else
            {
                current.Add(new SoslItem(w, false, negateNext));
                negateNext = false;
            }

            wordHadEscape = false;
        }

        while (true)
        {
            if (i >= text.Length)
            {
                throw new SalesforceDoubleException(400, "MALFORMED_SEARCH", $"No search term found. The search term must be enclosed in braces: {sosl}");
            }

            var c = text[i++];
            if (c == '\\')
            {
                if (i >= text.Length)
                {
                    throw new SalesforceDoubleException(400, "MALFORMED_SEARCH", "dangling escape in the search term");
                }

                var escaped = text[i++];
                word.Append(escaped);
                raw.Append(escaped);
                wordHadEscape = true;
                continue;
            }

            if (c == '}' && !inPhrase)
            {
                EndWord();
                groups.Add(current);
                return (groups.Where(g => g.Count > 0).ToList(), raw.ToString());
            }

            if (c == '"')
            {
                if (inPhrase)
                {
                    current.Add(new SoslItem(word.ToString(), true, negateNext));
                    negateNext = false;
                    word.Clear();
                    inPhrase = false;
                }
                else
                {
                    EndWord();
                    inPhrase = true;
                }

                continue;
            }

            raw.Append(c);
            if (inPhrase)
            {
                word.Append(c);
            }
            else if (char.IsWhiteSpace(c) || c is '(' or ')')
            {
                EndWord();
            }
            else
            {
                word.Append(c);
            }
        }
    }
}
