namespace ClarityConnect.TestDoubles.Salesforce.Soql;

/// <summary>One ORDER BY item.</summary>
internal sealed record SoqlOrder(SoqlFieldPath Path, bool Descending, bool NullsFirst);
