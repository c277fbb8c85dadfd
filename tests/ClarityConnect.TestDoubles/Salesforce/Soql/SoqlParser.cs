using System.Globalization;

namespace ClarityConnect.TestDoubles.Salesforce.Soql;

/// <summary>Parses the double's SOQL subset and binds names to the org's describe:
/// <c>SELECT f, Rel.f FROM Obj [WHERE cond] [ORDER BY f [ASC|DESC] [NULLS FIRST|LAST], …] [LIMIT n] [OFFSET n]</c>.
/// Like Salesforce, it refuses AND and OR mixed on one level without parentheses.</summary>
internal sealed class SoqlParser(List<SoqlToken> tokens, string query, SalesforceDoubleOrg org)
{
    private int position;

    public string Query => query;

    public SoqlToken Peek => tokens[position];

    public static SoqlQuery ParseQuery(string query, SalesforceDoubleOrg org)
    {
        var parser = new SoqlParser(SoqlLexer.Tokenize(query, query), query, org);
        parser.ExpectKeyword("SELECT");
        var fieldNames = parser.ReadFieldNames();
        parser.ExpectKeyword("FROM");
        var objectName = parser.Next();
        if (objectName.Kind != SoqlTokenKind.Identifier)
        {
            throw parser.Malformed($"unexpected token '{objectName.Text}' after FROM");
        }

        var from = org.Find(objectName.Text) ?? throw SalesforceDoubleException.InvalidType(query, objectName.Text);
        var fields = fieldNames.Select(f => parser.Bind(from, f)).ToList();
        SoqlCondition? where = null;
        if (parser.TryKeyword("WHERE"))
        {
            where = parser.ParseCondition(from);
        }

        var orderBy = parser.TryKeyword("ORDER") ? parser.ParseOrderBy(from) : [];
        int? limit = parser.TryKeyword("LIMIT") ? parser.ReadInteger() : null;
        int? offset = parser.TryKeyword("OFFSET") ? parser.ReadInteger() : null;
        if (parser.Peek.Kind != SoqlTokenKind.End)
        {
            throw parser.Malformed($"unexpected token: '{parser.Peek.Text}'");
        }

        return new SoqlQuery(from, fields, where, orderBy, limit, offset);
    }

    public SoqlToken Next() => tokens[position++];

    public bool TryKeyword(string keyword)
    {
        if (!Peek.IsKeyword(keyword))
        {
            return false;
        }

        position++;
        return true;
    }

    public void ExpectKeyword(string keyword)
    {
        if (!TryKeyword(keyword))
        {
            throw Malformed($"expecting '{keyword}', found '{Peek.Text}'");
        }
    }

    public void ExpectSymbol(string symbol)
    {
        if (!Peek.IsSymbol(symbol))
        {
            throw Malformed($"expecting '{symbol}', found '{Peek.Text}'");
        }

        position++;
    }

    public SalesforceDoubleException Malformed(string detail) => SalesforceDoubleException.Malformed(query, detail);

    public int ReadInteger()
    {
        var token = Next();
        if (token.Kind != SoqlTokenKind.Number || !int.TryParse(token.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            throw Malformed($"expecting a non-negative integer, found '{token.Text}'");
        }

        return value;
    }

    /// <summary>Reads <c>a, b.c, d</c>: identifiers separated by commas.</summary>
    public List<string> ReadFieldNames()
    {
        var names = new List<string>();
        do
        {
            var token = Next();
            if (token.Kind != SoqlTokenKind.Identifier || IsReserved(token.Text))
            {
                throw Malformed(token.Kind == SoqlTokenKind.Symbol && token.Text == "("
                    ? "subqueries and functions are not supported by the Salesforce double"
                    : $"unexpected token: '{token.Text}'");
            }

            names.Add(token.Text);
        }
        while (TryComma());

        return names;
    }

    public SoqlFieldPath Bind(SalesforceDoubleObject from, string dotted)
    {
        var segments = dotted.Split('.');
        var candidates = new List<SalesforceDoubleObject> { from };
        var relationships = new List<SalesforceDoubleField>();
        foreach (var segment in segments[..^1])
        {
            var relationship = candidates.Select(c => c.Relationship(segment)).FirstOrDefault(r => r is not null)
                ?? throw new SalesforceDoubleException(400, "INVALID_FIELD",
                    $"\n{query}\n^\nERROR at Row:1:Column:1\nDidn't understand relationship '{segment}' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.");
            relationships.Add(relationship);
            candidates = relationship.ReferenceTo.Select(org.Find).OfType<SalesforceDoubleObject>().ToList();
        }

        var field = candidates.Select(c => c.Field(segments[^1])).FirstOrDefault(f => f is not null)
            ?? throw SalesforceDoubleException.InvalidField(query, dotted, from.Name);
        return new SoqlFieldPath(relationships, field);
    }

    public SoqlCondition ParseCondition(SalesforceDoubleObject from)
    {
        var parts = new List<SoqlCondition> { ParseUnary(from) };
        string? joiner = null;
        while (Peek.IsKeyword("AND") || Peek.IsKeyword("OR"))
        {
            var op = Next().Text.ToUpperInvariant();
            if (joiner is not null && joiner != op)
            {
                throw Malformed($"unexpected token: '{op}' (use parentheses when mixing AND and OR)");
            }

            joiner = op;
            parts.Add(ParseUnary(from));
        }

        return parts.Count == 1 ? parts[0] : joiner == "AND" ? new SoqlAnd(parts) : new SoqlOr(parts);
    }

    public List<SoqlOrder> ParseOrderBy(SalesforceDoubleObject from)
    {
        ExpectKeyword("BY");
        var orders = new List<SoqlOrder>();
        do
        {
            var token = Next();
            if (token.Kind != SoqlTokenKind.Identifier)
            {
                throw Malformed($"unexpected token: '{token.Text}'");
            }

            var path = Bind(from, token.Text);
            var descending = TryKeyword("DESC");
            if (!descending)
            {
                TryKeyword("ASC");
            }

            var nullsFirst = !descending;
            if (TryKeyword("NULLS"))
            {
                if (TryKeyword("FIRST"))
                {
                    nullsFirst = true;
                }
                else
                {
                    ExpectKeyword("LAST");
                    nullsFirst = false;
                }
            }

            orders.Add(new SoqlOrder(path, descending, nullsFirst));
        }
        while (TryComma());

        return orders;
    }

    private SoqlCondition ParseUnary(SalesforceDoubleObject from)
    {
        if (TryKeyword("NOT"))
        {
            return new SoqlNot(ParseUnary(from));
        }

        if (Peek.IsSymbol("("))
        {
            position++;
            var inner = ParseCondition(from);
            ExpectSymbol(")");
            return inner;
        }

        var fieldToken = Next();
        if (fieldToken.Kind != SoqlTokenKind.Identifier || IsReserved(fieldToken.Text))
        {
            throw Malformed($"unexpected token: '{fieldToken.Text}'");
        }

        var path = Bind(from, fieldToken.Text);
        if (!path.Field.Filterable)
        {
            throw new SalesforceDoubleException(400, "INVALID_FIELD", $"field '{path.Field.Name}' can not be filtered in a query call");
        }

        var isIn = TryKeyword("IN");
        var negated = false;
        if (!isIn && Peek.IsKeyword("NOT") && tokens[position + 1].IsKeyword("IN"))
        {
            position += 2;
            isIn = negated = true;
        }

        if (isIn)
        {
            ExpectSymbol("(");
            var values = new List<SoqlLiteral>();
            do
            {
                values.Add(ReadLiteral(path.Field));
            }
            while (TryComma());

            ExpectSymbol(")");
            return new SoqlComparison(path, negated ? "NOT IN" : "IN", values);
        }

        string op;
        if (TryKeyword("LIKE"))
        {
            op = "LIKE";
        }
        else if (Peek.Kind == SoqlTokenKind.Symbol && Peek.Text is "=" or "!=" or "<" or "<=" or ">" or ">=")
        {
            op = Next().Text;
        }
        else
        {
            throw Malformed($"unexpected token: '{Peek.Text}'");
        }

        var literal = ReadLiteral(path.Field);
        if (op == "LIKE" && literal.Kind != SoqlTokenKind.String)
        {
            throw Malformed("LIKE needs a string literal");
        }

        return new SoqlComparison(path, op, [literal]);
    }

    private SoqlLiteral ReadLiteral(SalesforceDoubleField field)
    {
        var token = Next();
        if (token.IsKeyword("NULL"))
        {
            return SoqlLiteral.Null;
        }

        var literal = token.Kind switch
        {
            SoqlTokenKind.String => new SoqlLiteral(SoqlTokenKind.String, token.Text) { LikePattern = token.LikePattern },
            SoqlTokenKind.Number => new SoqlLiteral(SoqlTokenKind.Number, token.Text) { Number = double.Parse(token.Text, CultureInfo.InvariantCulture) },
            SoqlTokenKind.Date => new SoqlLiteral(SoqlTokenKind.Date, token.Text) { DateFrom = SoqlEngine.ParseDate(token.Text) },
            SoqlTokenKind.Identifier when token.IsKeyword("TRUE") || token.IsKeyword("FALSE") =>
                new SoqlLiteral(SoqlTokenKind.Identifier, token.Text) { Boolean = token.IsKeyword("TRUE") },
            SoqlTokenKind.Identifier when DateRange(token.Text) is { } range =>
                new SoqlLiteral(SoqlTokenKind.Date, token.Text) { DateFrom = range.From, DateTo = range.To },
            _ => throw Malformed($"unexpected token: '{token.Text}'"),
        };

        // Salesforce refuses a literal of the wrong type for the field ("must be of type string and should be enclosed in quotes").
        var fits = literal.Kind switch
        {
            SoqlTokenKind.String => field.IsText,
            SoqlTokenKind.Number => field.IsNumber,
            SoqlTokenKind.Date => field.IsDate,
            _ => field.Type == "boolean",
        };
        if (!fits)
        {
            throw new SalesforceDoubleException(400, "INVALID_FIELD",
                $"\n{query}\n^\nERROR at Row:1:Column:1\nvalue of filter criterion for field '{field.Name}' must be of type {field.Type}{(field.IsText ? " and should be enclosed in quotes" : " and should not be enclosed in quotes")}");
        }

        return literal;
    }

    private static (DateTimeOffset From, DateTimeOffset To)? DateRange(string text)
    {
        var today = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero);
        if (string.Equals(text, "TODAY", StringComparison.OrdinalIgnoreCase))
        {
            return (today, today.AddDays(1));
        }

        if (string.Equals(text, "YESTERDAY", StringComparison.OrdinalIgnoreCase))
        {
            return (today.AddDays(-1), today);
        }

        const string LastNDays = "LAST_N_DAYS:";
        if (text.StartsWith(LastNDays, StringComparison.OrdinalIgnoreCase) && int.TryParse(text.AsSpan(LastNDays.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return (today.AddDays(-n), today.AddDays(1));
        }

        return null;
    }

    private bool TryComma()
    {
        if (!Peek.IsSymbol(","))
        {
            return false;
        }

        position++;
        return true;
    }

    private static bool IsReserved(string word) =>
        word.ToUpperInvariant() is "SELECT" or "FROM" or "WHERE" or "AND" or "OR" or "NOT" or "ORDER" or "BY" or "LIMIT" or "OFFSET" or "LIKE" or "IN" or "NULL" or "TRUE" or "FALSE";
}
