using ClarityConnect.Abstractions.Nodes;
using ClarityConnect.Connectors.Salesforce;

namespace ClarityConnect.Grains.Crm.Salesforce;

/// <summary>SOQL's rules for the shared Advanced Lookup pipeline; literals come from the connector's <see cref="Soql"/> escaper.</summary>
public sealed class SoqlLanguage : IQueryLanguage
{
    /// <summary>The one instance.</summary>
    public static SoqlLanguage Instance { get; } = new();

    /// <inheritdoc />
    public string Literal(string value) => Soql.Literal(value);

    /// <inheritdoc />
    public string EscapeWithinLiteral(string value, bool likePattern) => (likePattern ? Soql.LikeLiteral(value) : Soql.Literal(value))[1..^1];

    /// <inheritdoc />
    public int EndOfLiteral(string text, int start)
    {
        for (var i = start + 1; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == '\'')
            {
                return i + 1;
            }
        }

        return -1;
    }

    /// <inheritdoc />
    public bool IsLikePattern(string text, int start) =>
        text[..start].TrimEnd().EndsWith("LIKE", StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public string Condition(string field, ConditionOperator op, string value) => op switch
    {
        ConditionOperator.Equals => $"{field} = {Soql.Literal(value)}",
        ConditionOperator.NotEquals => $"{field} != {Soql.Literal(value)}",
        ConditionOperator.LessThan => $"{field} < {Ordered(value)}",
        ConditionOperator.LessThanOrEqual => $"{field} <= {Ordered(value)}",
        ConditionOperator.GreaterThan => $"{field} > {Ordered(value)}",
        ConditionOperator.GreaterThanOrEqual => $"{field} >= {Ordered(value)}",
        ConditionOperator.Contains => $"{field} LIKE '%{Soql.LikeLiteral(value)[1..^1]}%'",
        ConditionOperator.StartsWith => $"{field} LIKE '{Soql.LikeLiteral(value)[1..^1]}%'",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "Unknown operator"),
    };

    // Comparisons are usually on numbers and dates, which SOQL writes unquoted; anything else stays a string literal.
    private static string Ordered(string value) => OrderedLiteral.IsUnquoted(value) ? value : Soql.Literal(value);
}
