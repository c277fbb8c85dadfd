using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ClarityConnect.AdminApi;

/// <summary>
/// The ids of sessions, agents and exports as they arrive in a URL: checked before they become a grain key, so that a
/// blank, padded, control-character or oversized id gets a 400 naming the parameter instead of reaching the cluster.
/// </summary>
internal static class EntityIds
{
    /// <summary>The longest id accepted.</summary>
    public const int MaxLength = 256;

    /// <summary>Why <paramref name="value"/> is not a usable id, or null when it is.</summary>
    public static string? Problem(string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "must not be empty or blank";
        }

        if (value.Length > MaxLength)
        {
            return $"must be at most {MaxLength} characters";
        }

        if (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))
        {
            return "must not start or end with whitespace";
        }

        foreach (var rune in value.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator || rune.Value == 0xFFFD)
            {
                return "must not contain control, formatting (bidi, zero-width) or invalid characters";
            }
        }

        return null;
    }

    /// <summary>A 400 naming <paramref name="field"/> when <paramref name="value"/> is not a usable id; null when it is.</summary>
    public static ProblemHttpResult? Check(string field, string value) =>
        Problem(value) is { } problem ? Problems.Validation(field, problem) : null;

    /// <summary>Adds a problem naming <paramref name="field"/> to <paramref name="filters"/> when an optional id filter is not usable.</summary>
    public static string? Filter(QueryFilters filters, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (Problem(value) is { } problem)
        {
            filters.Add(field, problem);
            return null;
        }

        return value;
    }
}
