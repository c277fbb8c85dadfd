using ClarityConnect.Abstractions.Nodes;

namespace ClarityConnect.Grains.Crm;

/// <summary>The rules of one CRM query language (SOQL, OData) that the shared Advanced Lookup pipeline needs to keep caller data as data.</summary>
public interface IQueryLanguage
{
    /// <summary>A complete, quoted string literal holding <paramref name="value"/>.</summary>
    string Literal(string value);

    /// <summary><paramref name="value"/> escaped to stand inside a string literal that is already quoted; <paramref name="likePattern"/> when the literal is a LIKE pattern, so wildcards in the value are literal.</summary>
    string EscapeWithinLiteral(string value, bool likePattern);

    /// <summary>The index just after the string literal whose opening quote is at <paramref name="start"/>, or -1 when it is not terminated.</summary>
    int EndOfLiteral(string text, int start);

    /// <summary>Whether a literal starting at <paramref name="start"/> is the pattern of a LIKE (or similar) operator.</summary>
    bool IsLikePattern(string text, int start);

    /// <summary>The condition <paramref name="field"/> <paramref name="op"/> the string <paramref name="value"/>.</summary>
    string Condition(string field, ConditionOperator op, string value);
}
