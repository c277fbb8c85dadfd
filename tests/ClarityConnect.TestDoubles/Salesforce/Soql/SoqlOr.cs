namespace ClarityConnect.TestDoubles.Salesforce.Soql;

/// <summary>Any of the parts holds.</summary>
internal sealed record SoqlOr(IReadOnlyList<SoqlCondition> Parts) : SoqlCondition;
