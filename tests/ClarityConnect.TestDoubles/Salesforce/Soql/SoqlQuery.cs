namespace ClarityConnect.TestDoubles.Salesforce.Soql;

/// <summary>A parsed and bound SOQL query.</summary>
internal sealed record SoqlQuery(
    SalesforceDoubleObject From,
    IReadOnlyList<SoqlFieldPath> Fields,
    SoqlCondition? Where,
    IReadOnlyList<SoqlOrder> OrderBy,
    int? Limit,
    int? Offset);
