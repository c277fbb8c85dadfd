namespace ClarityConnect.Abstractions.Listings;

/// <summary>Which page of a listing to return.</summary>
[GenerateSerializer, Immutable]
public record PageRequest
{
    /// <summary>The default page size.</summary>
    public const int DefaultLimit = 50;

    /// <summary>The largest page size.</summary>
    public const int MaxLimit = 500;

    /// <summary>Matching items to skip (0 or more).</summary>
    [Id(0)] public int Offset { get; init; }

    /// <summary>Items per page, 1 to <see cref="MaxLimit"/>.</summary>
    [Id(1)] public int Limit { get; init; } = DefaultLimit;

    /// <summary>The problems with the paging values, as (field, message); empty when valid.</summary>
    public IEnumerable<(string Field, string Message)> Problems()
    {
        if (Offset < 0)
        {
            yield return (nameof(Offset), $"must be 0 or more, not {Offset}");
        }

        if (Limit is < 1 or > MaxLimit)
        {
            yield return (nameof(Limit), $"must be between 1 and {MaxLimit}, not {Limit}");
        }
    }
}
