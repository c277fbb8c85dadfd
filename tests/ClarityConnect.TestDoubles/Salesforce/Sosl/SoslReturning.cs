using ClarityConnect.TestDoubles.Salesforce.Soql;

namespace ClarityConnect.TestDoubles.Salesforce.Sosl;

/// <summary>One <c>RETURNING Obj(fields [WHERE …] [ORDER BY …] [LIMIT n])</c> item.</summary>
internal sealed record SoslReturning(
    SalesforceDoubleObject Object,
    IReadOnlyList<SoqlFieldPath> Fields,
    SoqlCondition? Where,
    IReadOnlyList<SoqlOrder> OrderBy,
    int? Limit);
