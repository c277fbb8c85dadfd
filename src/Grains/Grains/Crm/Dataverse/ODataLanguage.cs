using ClarityConnect.Abstractions.Nodes;
using ClarityConnect.Connectors.Dataverse;

namespace ClarityConnect.Grains.Crm.Dataverse;

/// <summary>OData <c>$filter</c>'s rules for the shared Advanced Lookup pipeline; literals come from the connector's <see cref="OData"/> escaper.</summary>
public sealed class ODataLanguage : IQueryLanguage
{
    /// <summary>The one instance.</summary>
    public static ODataLanguage Instance { get; } = new();

    /// <inheritdoc />
    public string Literal(string value) => OData.Literal(value);

    /// <inheritdoc />
    public string EscapeWithinLiteral(string value, bool likePattern) => OData.Literal(value)[1..^1];

    /// <inheritdoc />
    public int EndOfLiteral(string text, int start)
    {
        for (var i = start + 1; i < text.Length; i++)
        {
            if (text[i] != '\'')
            {
                continue;
            }

            if (i + 1 < text.Length && text[i + 1] == '\'')
            {
                i++;
                continue;
            }

            return i + 1;
        }

        return -1;
    }

    /// <inheritdoc />
    public bool IsLikePattern(string text, int start) => false;

    /// <inheritdoc />
    public string Condition(string field, ConditionOperator op, string value)
    {
        // Related columns are shown as Relationship.Column; $filter navigates with a slash.
        var path = field.Replace('.', '/');
        return op switch
        {
            ConditionOperator.Equals => $"{path} eq {OData.Literal(value)}",
            ConditionOperator.NotEquals => $"{path} ne {OData.Literal(value)}",
            ConditionOperator.LessThan => $"{path} lt {Ordered(value)}",
            ConditionOperator.LessThanOrEqual => $"{path} le {Ordered(value)}",
            ConditionOperator.GreaterThan => $"{path} gt {Ordered(value)}",
            ConditionOperator.GreaterThanOrEqual => $"{path} ge {Ordered(value)}",
            ConditionOperator.Contains => $"contains({path},{OData.Literal(value)})",
            ConditionOperator.StartsWith => $"startswith({path},{OData.Literal(value)})",
            _ => throw new ArgumentOutOfRangeException(nameof(op), op, "Unknown operator"),
        };
    }

    // Comparisons are usually on numbers and dates, which OData writes unquoted; anything else stays a string literal.
    private static string Ordered(string value) => OrderedLiteral.IsUnquoted(value) ? value : OData.Literal(value);
}
