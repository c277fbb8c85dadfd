using ClarityConnect.TestDoubles.Salesforce.Soql;

namespace ClarityConnect.TestDoubles.Salesforce.Sosl;

/// <summary>Parses <c>FIND {term} [IN ALL|NAME|EMAIL|PHONE|SIDEBAR FIELDS] [RETURNING Obj[(fields [WHERE …] [ORDER BY …] [LIMIT n])], …] [LIMIT n]</c>.
/// The term inside the braces is <see cref="SoslTermParser"/>'s business.</summary>
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
        var term = SoslTermParser.Parse(text, ref i, sosl);

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

        return new SoslQuery(term, searchGroup, returning, limit);
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
}
