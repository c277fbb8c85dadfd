using System.Text;
using System.Text.RegularExpressions;
using ClarityConnect.Abstractions.Sessions;

namespace ClarityConnect.Grains.Crm;

/// <summary>
/// A WHERE clause with <c>{{ExtraItem}}</c> placeholders. Values are caller data and never code: a placeholder inside
/// a string literal gets the value escaped for that literal; one outside gets a complete literal (a plain number
/// stays a number).
/// </summary>
public static partial class WhereTemplate
{
    /// <summary>The placeholder names in order of first use ("Generate Value Boxes").</summary>
    public static IReadOnlyList<string> Placeholders(string? template) =>
        template is null ? [] : Placeholder().Matches(template).Select(m => m.Groups[1].Value.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>The clause with every placeholder replaced; throws <see cref="InvalidRequestException"/> for an unterminated literal or a value that is missing.</summary>
    public static string Substitute(string template, IReadOnlyDictionary<string, string> values, IQueryLanguage language)
    {
        var result = new StringBuilder();
        var position = 0;
        while (position < template.Length)
        {
            var quote = template.IndexOf('\'', position);
            var end = quote < 0 ? template.Length : quote;
            result.Append(Replace(template[position..end], value =>
                NumberPattern().IsMatch(value) ? value : language.Literal(value), values));
            if (quote < 0)
            {
                break;
            }

            var close = language.EndOfLiteral(template, quote);
            if (close < 0)
            {
                throw new InvalidRequestException("FreeFormWhere", $"the string literal starting at position {quote + 1} is not terminated");
            }

            var like = language.IsLikePattern(template, quote);
            result.Append(Replace(template[quote..close], value => language.EscapeWithinLiteral(value, like), values));
            position = close;
        }

        return result.ToString();
    }

    private static string Replace(string text, Func<string, string> render, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(text, match =>
        {
            var name = match.Groups[1].Value.Trim();
            return values.TryGetValue(name, out var value)
                ? render(value)
                : throw new InvalidRequestException(name, "has no value (the extra item is not set)");
        });

    [GeneratedRegex(@"\{\{\s*([^{}]+?)\s*\}\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^-?\d{1,18}(\.\d{1,18})?$")]
    private static partial Regex NumberPattern();
}
