namespace ClarityConnect.TestDoubles.Salesforce.Sosl;

/// <summary>A parsed SOSL search: the FIND term, the search group and what to return.</summary>
internal sealed record SoslQuery(
    SoslTerm Term,
    string SearchGroup,
    IReadOnlyList<SoslReturning> Returning,
    int? Limit);
