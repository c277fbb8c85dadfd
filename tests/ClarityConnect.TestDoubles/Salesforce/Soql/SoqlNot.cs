namespace ClarityConnect.TestDoubles.Salesforce.Soql;

/// <summary>The inner condition does not hold.</summary>
internal sealed record SoqlNot(SoqlCondition Inner) : SoqlCondition;
