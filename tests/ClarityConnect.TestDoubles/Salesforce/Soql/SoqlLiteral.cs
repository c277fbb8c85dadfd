namespace ClarityConnect.TestDoubles.Salesforce.Soql;

/// <summary>A literal in a condition: a string (with its LIKE regex), a number, a date or date range, true/false or null.</summary>
internal sealed record SoqlLiteral(SoqlTokenKind Kind, string? Text)
{
    public double? Number { get; init; }

    public bool? Boolean { get; init; }

    public string? LikePattern { get; init; }

    /// <summary>A date literal's instant, or the start of a date range (<c>TODAY</c>, <c>LAST_N_DAYS:n</c>).</summary>
    public DateTimeOffset? DateFrom { get; init; }

    /// <summary>The (exclusive) end of a date range; null for a single instant.</summary>
    public DateTimeOffset? DateTo { get; init; }

    public bool IsNull => Kind == SoqlTokenKind.Identifier && Boolean is null;

    public static SoqlLiteral Null { get; } = new(SoqlTokenKind.Identifier, null);
}
