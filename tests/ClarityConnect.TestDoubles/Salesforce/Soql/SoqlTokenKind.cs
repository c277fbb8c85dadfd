namespace ClarityConnect.TestDoubles.Salesforce.Soql;

/// <summary>The kinds of SOQL tokens the double understands.</summary>
internal enum SoqlTokenKind
{
    Identifier,
    String,
    Number,
    Date,
    Symbol,
    End,
}
