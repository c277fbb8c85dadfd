using System.Text.RegularExpressions;

namespace ClarityConnect.Grains.Crm;

/// <summary>What both query languages write unquoted in a comparison (less than, greater than, …): a number or an ISO date
/// (with an optional UTC time). Anything else stays a string literal of the language.</summary>
public static partial class OrderedLiteral
{
    /// <summary>True when <paramref name="value"/> is a number or an ISO date or UTC date-time, written as it is.</summary>
    public static bool IsUnquoted(string value) => NumberOrDate().IsMatch(value);

    [GeneratedRegex(@"^(-?\d{1,18}(\.\d{1,18})?|\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z)?)$")]
    private static partial Regex NumberOrDate();
}
