namespace ClarityConnect.TestDoubles.Salesforce.Soql;

/// <summary>A WHERE condition node.</summary>
internal abstract record SoqlCondition;
