using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ClarityConnect.TestDoubles.Salesforce.Soql;

/// <summary>Runs bound SOQL against the org: filter, sort, offset/limit, and projection into Salesforce's record shape.</summary>
internal static class SoqlEngine
{
    public static List<JsonObject> Execute(SoqlQuery query, SalesforceDoubleOrg org, string apiVersion)
    {
        IEnumerable<JsonObject> rows = query.From.Records.Where(r => query.Where is null || Matches(query.Where, r, org));
        rows = Sort(rows, query.OrderBy, org);
        if (query.Offset is { } offset)
        {
            rows = rows.Skip(offset);
        }

        if (query.Limit is { } limit)
        {
            rows = rows.Take(limit);
        }

        return rows.Select(r => Project(query.From, r, query.Fields, org, apiVersion)).ToList();
    }

    public static IEnumerable<JsonObject> Sort(IEnumerable<JsonObject> rows, IReadOnlyList<SoqlOrder> orderBy, SalesforceDoubleOrg org)
    {
        if (orderBy.Count == 0)
        {
            return rows;
        }

        return rows.Order(Comparer<JsonObject>.Create((a, b) =>
        {
            foreach (var order in orderBy)
            {
                var x = GetValue(a, order.Path, org);
                var y = GetValue(b, order.Path, org);
                int result;
                if (x is null || y is null)
                {
                    result = x is null && y is null ? 0 : (x is null) == order.NullsFirst ? -1 : 1;
                    if (result != 0)
                    {
                        return result;
                    }

                    continue;
                }

                result = CompareValues(x, y, order.Path.Field);
                if (result != 0)
                {
                    return order.Descending ? -result : result;
                }
            }

            return 0;
        }));
    }

    public static bool Matches(SoqlCondition condition, JsonObject record, SalesforceDoubleOrg org) => condition switch
    {
        SoqlAnd and => AllMatch(and.Parts, record, org),
        SoqlOr or => AnyMatches(or.Parts, record, org),
        SoqlNot not => !Matches(not.Inner, record, org),
        SoqlComparison { Operator: "IN" } c => InValues(c, record, org),
        SoqlComparison { Operator: "NOT IN" } c => !InValues(c, record, org),
        SoqlComparison c => Compare(GetValue(record, c.Path, org), c.Path.Field, c.Operator, c.Values[0]),
        _ => throw new InvalidOperationException(condition.GetType().Name),
    };

    // Indexed loops rather than LINQ (here and in InValues): a query matches every record of its object, and a closure and
    // an enumerator per record and condition add up.
    private static bool AllMatch(IReadOnlyList<SoqlCondition> parts, JsonObject record, SalesforceDoubleOrg org)
    {
        for (var i = 0; i < parts.Count; i++)
        {
            if (!Matches(parts[i], record, org))
            {
                return false;
            }
        }

        return true;
    }

    private static bool AnyMatches(IReadOnlyList<SoqlCondition> parts, JsonObject record, SalesforceDoubleOrg org)
    {
        for (var i = 0; i < parts.Count; i++)
        {
            if (Matches(parts[i], record, org))
            {
                return true;
            }
        }

        return false;
    }

    private static bool InValues(SoqlComparison comparison, JsonObject record, SalesforceDoubleOrg org)
    {
        var value = GetValue(record, comparison.Path, org);
        for (var i = 0; i < comparison.Values.Count; i++)
        {
            if (Compare(value, comparison.Path.Field, "=", comparison.Values[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The value at the end of a field path, or null when the value or any lookup on the way is empty.</summary>
    public static JsonNode? GetValue(JsonObject record, SoqlFieldPath path, SalesforceDoubleOrg org)
    {
        var current = record;
        foreach (var relationship in path.Relationships)
        {
            if (org.FindById(Text(current[relationship.Name])) is not { } target)
            {
                return null;
            }

            current = target.Record;
        }

        return current[path.Field.Name];
    }

    /// <summary>A record as the query resource returns it: <c>attributes</c>, then each selected field, relationship fields as nested objects.</summary>
    public static JsonObject Project(SalesforceDoubleObject type, JsonObject record, IReadOnlyList<SoqlFieldPath> fields, SalesforceDoubleOrg org, string apiVersion)
    {
        var output = WithAttributes(type.Name, Text(record["Id"]), apiVersion);
        foreach (var path in fields)
        {
            var target = output;
            var current = record;
            var broken = false;
            foreach (var relationship in path.Relationships)
            {
                var name = relationship.RelationshipName!;
                var hit = org.FindById(Text(current[relationship.Name]));
                if (hit is null)
                {
                    if (!target.ContainsKey(name))
                    {
                        target[name] = null;
                    }

                    broken = true;
                    break;
                }

                if (target[name] is not JsonObject nested)
                {
                    nested = WithAttributes(hit.Value.Type.Name, Text(hit.Value.Record["Id"]), apiVersion);
                    target[name] = nested;
                }

                target = nested;
                current = hit.Value.Record;
            }

            if (!broken)
            {
                target[path.Field.Name] = current[path.Field.Name]?.DeepClone();
            }
        }

        return output;
    }

    public static DateTimeOffset? ParseDate(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        // Salesforce writes offsets without a colon (+0000); .NET wants +00:00.
        var normalized = Regex.Replace(text, @"([+-]\d{2})(\d{2})$", "$1:$2");
        return DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) ? value : null;
    }

    public static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : node?.ToJsonString();

    private static JsonObject WithAttributes(string type, string? id, string apiVersion) => new()
    {
        ["attributes"] = new JsonObject
        {
            ["type"] = type,
            ["url"] = $"/services/data/v{apiVersion}/sobjects/{type}/{id}",
        },
    };

    private static bool Compare(JsonNode? value, SalesforceDoubleField field, string op, SoqlLiteral literal)
    {
        if (literal.IsNull)
        {
            return op switch { "=" => value is null, "!=" => value is not null, _ => false };
        }

        if (value is null || value.GetValueKind() == JsonValueKind.Null)
        {
            return op == "!=";
        }

        if (op == "LIKE")
        {
            return Regex.IsMatch(Text(value) ?? string.Empty, literal.LikePattern!, RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant);
        }

        int comparison;
        if (literal.Boolean is { } boolean)
        {
            comparison = value.GetValueKind() == JsonValueKind.True == boolean ? 0 : 1;
        }
        else if (literal.Number is { } number)
        {
            comparison = value.GetValue<double>().CompareTo(number);
        }
        else if (literal.DateFrom is { } from)
        {
            var instant = ParseDate(Text(value));
            if (instant is null)
            {
                return op == "!=";
            }

            if (literal.DateTo is { } to)
            {
                var inRange = instant >= from && instant < to;
                return op switch
                {
                    "=" => inRange,
                    "!=" => !inRange,
                    ">" => instant >= to,
                    ">=" => instant >= from,
                    "<" => instant < from,
                    _ => instant < to,
                };
            }

            comparison = instant.Value.CompareTo(from);
        }
        else
        {
            comparison = string.Compare(Text(value), literal.Text, StringComparison.OrdinalIgnoreCase);
        }

        return op switch
        {
            "=" => comparison == 0,
            "!=" => comparison != 0,
            "<" => comparison < 0,
            "<=" => comparison <= 0,
            ">" => comparison > 0,
            _ => comparison >= 0,
        };
    }

    private static int CompareValues(JsonNode x, JsonNode y, SalesforceDoubleField field)
    {
        if (x.GetValueKind() == JsonValueKind.Number && y.GetValueKind() == JsonValueKind.Number)
        {
            return x.GetValue<double>().CompareTo(y.GetValue<double>());
        }

        if (field.IsDate && ParseDate(Text(x)) is { } dx && ParseDate(Text(y)) is { } dy)
        {
            return dx.CompareTo(dy);
        }

        return string.Compare(Text(x), Text(y), StringComparison.OrdinalIgnoreCase);
    }
}
