using System.Globalization;

namespace ClarityConnect.AdminApi.Website.Components.Sessions;

/// <summary>
/// A listing page's <c>offset</c> and <c>limit</c> as typed into its address: whole numbers become the values the API's
/// paging rule checks; anything else a message naming the parameter (the API's binding refuses it with a 400).
/// </summary>
internal sealed class PagingText
{
    private readonly List<(string Field, string Message)> _errors = [];

    /// <summary>Reads <paramref name="offset"/> and <paramref name="limit"/>; blank means the default.</summary>
    public PagingText(string? offset, string? limit)
    {
        Offset = Parse("offset", offset);
        Limit = Parse("limit", limit);
    }

    /// <summary>The offset, or null for the default.</summary>
    public int? Offset { get; }

    /// <summary>The page size, or null for the default.</summary>
    public int? Limit { get; }

    /// <summary>The values that are not whole numbers, as (parameter, message).</summary>
    public IReadOnlyList<(string Field, string Message)> Errors => _errors;

    private int? Parse(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        _errors.Add((field, $"'{value}' is not a whole number"));
        return null;
    }
}
