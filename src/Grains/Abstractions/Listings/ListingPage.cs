namespace ClarityConnect.Abstractions.Listings;

/// <summary>One page of a listing.</summary>
/// <typeparam name="T">The item type.</typeparam>
[GenerateSerializer, Immutable]
public sealed record ListingPage<T>
{
    /// <summary>The items of this page.</summary>
    [Id(0)] public required IReadOnlyList<T> Items { get; init; }

    /// <summary>How many items match the query in all.</summary>
    [Id(1)] public long Total { get; init; }

    /// <summary>The number of matching items before this page.</summary>
    [Id(2)] public int Offset { get; init; }

    /// <summary>The largest number of items a page holds.</summary>
    [Id(3)] public int Limit { get; init; }
}
