namespace ClarityConnect.TestDoubles.Salesforce.Soql;

/// <summary>A SOQL token. For strings <see cref="Text"/> is the decoded value and <see cref="LikePattern"/> the LIKE regex.</summary>
internal sealed record SoqlToken(SoqlTokenKind Kind, string Text, int Position, string? LikePattern = null)
{
    public bool IsKeyword(string keyword) => Kind == SoqlTokenKind.Identifier && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);

    public bool IsSymbol(string symbol) => Kind == SoqlTokenKind.Symbol && Text == symbol;
}
