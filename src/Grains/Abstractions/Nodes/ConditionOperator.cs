namespace ClarityConnect.Abstractions.Nodes;

/// <summary>The operators of the Advanced Lookup GUI condition.</summary>
public enum ConditionOperator
{
    /// <summary>equal to</summary>
    Equals,
    /// <summary>not equal to</summary>
    NotEquals,
    /// <summary>less than</summary>
    LessThan,
    /// <summary>less than or equal to</summary>
    LessThanOrEqual,
    /// <summary>greater than</summary>
    GreaterThan,
    /// <summary>greater than or equal to</summary>
    GreaterThanOrEqual,
    /// <summary>contains (a substring)</summary>
    Contains,
    /// <summary>starts with</summary>
    StartsWith,
}
