namespace ClarityConnect.TestDoubles.Salesforce.Sosl;

/// <summary>Either term matches.</summary>
internal sealed record SoslOr(SoslTerm Left, SoslTerm Right) : SoslTerm
{
    public override string Render() => $"Or({Left.Render()}, {Right.Render()})";

    public override IEnumerable<SoslText> Texts() => Left.Texts().Concat(Right.Texts());
}
