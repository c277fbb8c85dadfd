using System.Globalization;
using ClarityConnect.Abstractions.Listings;

namespace ClarityConnect.AdminApi;

/// <summary>Reads the optional filters and paging of a listing from query-string values, collecting a message per bad value.</summary>
internal sealed class QueryFilters
{
    private readonly List<(string Field, string Message)> _errors = [];

    /// <summary>The problems found so far, as (field, message).</summary>
    public IReadOnlyList<(string Field, string Message)> Errors => _errors;

    /// <summary>Records a problem with <paramref name="field"/>.</summary>
    public void Add(string field, string message) => _errors.Add((field, message));

    /// <summary>An enum value by its name (case-insensitive), or null when absent.</summary>
    public TEnum? Enum<TEnum>(string field, string? value) where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (!int.TryParse(value, out _) && System.Enum.TryParse<TEnum>(value.Trim(), ignoreCase: true, out var parsed))
        {
            return parsed;
        }

        _errors.Add((field, $"'{value}' is not one of {string.Join(", ", System.Enum.GetNames<TEnum>().Select(n => n.ToLowerInvariant()))}"));
        return null;
    }

    /// <summary>An ISO 8601 time with an offset, or null when absent.</summary>
    public DateTimeOffset? Time(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return parsed;
        }

        _errors.Add((field, $"'{value}' is not an ISO 8601 time such as 2026-11-24T09:00:00Z"));
        return null;
    }

    /// <summary>The paging values; their problems are collected.</summary>
    public PageRequest Page(int? offset, int? limit)
    {
        var page = new PageRequest { Offset = offset ?? 0, Limit = limit ?? PageRequest.DefaultLimit };
        _errors.AddRange(page.Problems());
        return page;
    }
}
