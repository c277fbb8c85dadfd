namespace ClarityConnect.TestDoubles.Salesforce.Soql;

/// <summary>A field reference bound to the describe: the reference fields walked (<c>Account.Owner.</c>) and the final field.</summary>
internal sealed record SoqlFieldPath(IReadOnlyList<SalesforceDoubleField> Relationships, SalesforceDoubleField Field);
