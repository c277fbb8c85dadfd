namespace ClarityConnect.TestDoubles.Salesforce.Sosl;

/// <summary>A parsed SOSL search. <see cref="Groups"/> are OR-ed; the items of one group are AND-ed.</summary>
internal sealed record SoslQuery(
    string RawTerm,
    IReadOnlyList<IReadOnlyList<SoslItem>> Groups,
    string SearchGroup,
    IReadOnlyList<SoslReturning> Returning,
    int? Limit);
