namespace ClarityConnect.Grains.Crm;

/// <summary>One CSV line (RFC 4180): a value with a comma, quote or line break is quoted, quotes doubled.</summary>
public static class Csv
{
    /// <summary>The values as one CSV line; null becomes an empty field.</summary>
    public static string Line(IEnumerable<string?> values) => string.Join(",", values.Select(Field));

    private static string Field(string? value) =>
        value is null ? ""
        : value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\""
        : value;
}
