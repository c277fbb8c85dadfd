namespace ClarityConnect.TestDoubles.Salesforce.Soql;

/// <summary>All of the parts hold.</summary>
internal sealed record SoqlAnd(IReadOnlyList<SoqlCondition> Parts) : SoqlCondition;
