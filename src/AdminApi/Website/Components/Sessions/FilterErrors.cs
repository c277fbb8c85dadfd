namespace ClarityConnect.AdminApi.Website.Components.Sessions;

/// <summary>
/// The messages of a listing page's bad filter values, by query parameter, as the API's <see cref="QueryFilters"/>
/// reported them; a field shows its message next to it and points at it with <c>aria-describedby</c>.
/// </summary>
internal sealed class FilterErrors(IEnumerable<(string Field, string Message)> errors)
{
    private readonly Dictionary<string, string> _byField = errors
        .GroupBy(e => Problems.JsonField(e.Field))
        .ToDictionary(g => g.Key, g => string.Join(" ", g.Select(e => e.Message)));

    /// <summary>No filter value was bad.</summary>
    public bool None => _byField.Count == 0;

    /// <summary>The message of <paramref name="field"/> (the query parameter), or null.</summary>
    public string? Of(string field) => _byField.TryGetValue(field, out var message) ? message : null;

    /// <summary>The id of <paramref name="field"/>'s message element.</summary>
    public static string IdOf(string field) => field + "-error";

    /// <summary><c>aria-describedby</c> of <paramref name="field"/>: its message, when it has one.</summary>
    public string? DescribedBy(string field) => Of(field) is null ? null : IdOf(field);

    /// <summary><c>aria-invalid</c> of <paramref name="field"/>.</summary>
    public string? Invalid(string field) => Of(field) is null ? null : "true";
}
