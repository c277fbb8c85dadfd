using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OData.UriParser;

namespace ClarityConnect.TestDoubles.Dataverse;

/// <summary>A <c>$filter</c> parsed by <see cref="ODataUriParser"/>: renders its tree readably and evaluates it against the
/// double's records with Dataverse's semantics (case-insensitive strings, null handling, lookups through navigation).</summary>
public sealed class DataverseFilter
{
    private static readonly JsonSerializerOptions QuoteOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly FilterClause clause;
    private readonly Func<string, string, JsonObject, JsonObject?> navigate;

    internal DataverseFilter(string text, FilterClause clause, Func<string, string, JsonObject, JsonObject?> navigate)
    {
        Text = text;
        this.clause = clause;
        this.navigate = navigate;
        Ast = Render(clause.Expression);
    }

    /// <summary>The decoded filter text.</summary>
    public string Text { get; }

    /// <summary>The parsed tree, e.g. <c>Or(Equal(telephone1, "+1 555"), Equal(mobilephone, "+1 555"))</c>. String constants are
    /// rendered by <see cref="Quote"/>.</summary>
    public string Ast { get; }

    /// <summary>True when <paramref name="record"/> (a record of the filtered table, Web API shape) satisfies the filter.</summary>
    public bool Matches(JsonObject record) => Evaluate(clause.Expression, record) is true;

    /// <summary>Renders a filter tree; see <see cref="Ast"/>.</summary>
    public static string Render(QueryNode node) => node switch
    {
        BinaryOperatorNode b => $"{b.OperatorKind}({Render(b.Left)}, {Render(b.Right)})",
        UnaryOperatorNode u => $"{u.OperatorKind}({Render(u.Operand)})",
        ConvertNode c => Render(c.Source),
        ConstantNode { Value: null } => "null",
        ConstantNode { Value: string s } => Quote(s),
        ConstantNode { Value: bool v } => v ? "true" : "false",
        ConstantNode k => Convert.ToString(k.Value, CultureInfo.InvariantCulture) ?? "null",
        SingleValuePropertyAccessNode p => p.Source is SingleNavigationNode n ? $"{n.NavigationProperty.Name}/{p.Property.Name}" : p.Property.Name,
        SingleValueFunctionCallNode f => $"{f.Name}({string.Join(", ", f.Parameters.Select(Render))})",
        InNode i => $"In({Render(i.Left)}, {Render(i.Right)})",
        CollectionConstantNode cc => "[" + string.Join(", ", cc.Collection.Select(Render)) + "]",
        _ => node.Kind.ToString(),
    };

    /// <summary>How <see cref="Render"/> writes a string constant: a JSON string (quotes and backslashes escaped, everything else as is).</summary>
    public static string Quote(string value) => JsonSerializer.Serialize(value, QuoteOptions);

    private object? Evaluate(QueryNode node, JsonObject record)
    {
        switch (node)
        {
            case BinaryOperatorNode b when b.OperatorKind == BinaryOperatorKind.And:
                return Evaluate(b.Left, record) is true && Evaluate(b.Right, record) is true;
            case BinaryOperatorNode b when b.OperatorKind == BinaryOperatorKind.Or:
                return Evaluate(b.Left, record) is true || Evaluate(b.Right, record) is true;
            case BinaryOperatorNode b:
                return CompareOp(b.OperatorKind, Evaluate(b.Left, record), Evaluate(b.Right, record));
            case UnaryOperatorNode { OperatorKind: UnaryOperatorKind.Not } u:
                return Evaluate(u.Operand, record) is not true;
            case ConvertNode c:
                return Evaluate(c.Source, record);
            case ConstantNode k:
                return Normalize(k.Value);
            case InNode i:
                var left = Evaluate(i.Left, record);
                return i.Right is CollectionConstantNode list && list.Collection.Any(item => CompareOp(BinaryOperatorKind.Equal, left, Normalize(item.Value)));
            case SingleValuePropertyAccessNode p:
                var source = p.Source is SingleNavigationNode n ? Navigate(n, record) : record;
                return source is null ? null : Read(source[p.Property.Name]);
            case SingleValueFunctionCallNode f:
                var args = f.Parameters.Select(a => Evaluate(a, record)).ToList();
                return f.Name switch
                {
                    "contains" => args[0] is string s0 && args[1] is string t0 && s0.Contains(t0, StringComparison.OrdinalIgnoreCase),
                    "startswith" => args[0] is string s1 && args[1] is string t1 && s1.StartsWith(t1, StringComparison.OrdinalIgnoreCase),
                    "endswith" => args[0] is string s2 && args[1] is string t2 && s2.EndsWith(t2, StringComparison.OrdinalIgnoreCase),
                    "tolower" => (args[0] as string)?.ToLowerInvariant(),
                    "toupper" => (args[0] as string)?.ToUpperInvariant(),
                    _ => throw new DataverseDoubleException(501, "0x8006088a", $"The function '{f.Name}' is not supported by the Dataverse double."),
                };
            default:
                throw new DataverseDoubleException(501, "0x8006088a", $"The filter node '{node.Kind}' is not supported by the Dataverse double.");
        }
    }

    private JsonObject? Navigate(SingleNavigationNode node, JsonObject record)
    {
        var source = node.Source is SingleNavigationNode inner ? Navigate(inner, record) : record;
        var fromType = node.NavigationProperty.DeclaringType is Microsoft.OData.Edm.IEdmEntityType t ? t.Name : string.Empty;
        return source is null ? null : navigate(fromType, node.NavigationProperty.Name, source);
    }

    private static object? Read(JsonNode? node) => node is JsonValue value ? value.GetValueKind() switch
    {
        JsonValueKind.String => Coerce(value.GetValue<string>()),
        JsonValueKind.Number => value.GetValue<decimal>(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    } : null;

    private static object Coerce(string text) =>
        Guid.TryParseExact(text, "D", out var guid) ? guid
        : text.Length >= 19 && text[4] == '-' && text[10] == 'T' && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time
        : text;

    private static object? Normalize(object? value) => value switch
    {
        int i => (decimal)i,
        long l => (decimal)l,
        short s => (decimal)s,
        byte b => (decimal)b,
        double d => (decimal)d,
        float f => (decimal)f,
        DateOnly date => new DateTimeOffset(date.Year, date.Month, date.Day, 0, 0, 0, TimeSpan.Zero),
        _ => value,
    };

    private static bool CompareOp(BinaryOperatorKind kind, object? left, object? right)
    {
        if (left is null || right is null)
        {
            return kind switch
            {
                BinaryOperatorKind.Equal => left is null && right is null,
                BinaryOperatorKind.NotEqual => !(left is null && right is null),
                _ => false,
            };
        }

        int order;
        if (left is string ls && right is string rs)
        {
            order = string.Compare(ls, rs, StringComparison.OrdinalIgnoreCase);
        }
        else if (left is string && right is not string)
        {
            order = string.Compare((string)left, Convert.ToString(right, CultureInfo.InvariantCulture), StringComparison.OrdinalIgnoreCase);
        }
        else if (left is IComparable comparable && left.GetType() == right.GetType())
        {
            order = comparable.CompareTo(right);
        }
        else
        {
            order = string.Compare(Convert.ToString(left, CultureInfo.InvariantCulture), Convert.ToString(right, CultureInfo.InvariantCulture), StringComparison.OrdinalIgnoreCase);
        }

        return kind switch
        {
            BinaryOperatorKind.Equal => order == 0,
            BinaryOperatorKind.NotEqual => order != 0,
            BinaryOperatorKind.GreaterThan => order > 0,
            BinaryOperatorKind.GreaterThanOrEqual => order >= 0,
            BinaryOperatorKind.LessThan => order < 0,
            BinaryOperatorKind.LessThanOrEqual => order <= 0,
            _ => throw new DataverseDoubleException(501, "0x8006088a", $"The operator '{kind}' is not supported by the Dataverse double."),
        };
    }
}
