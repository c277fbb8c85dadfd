namespace ClarityConnect.TestDoubles.Salesforce.Sosl;

/// <summary>The left term matches and the right one does not.</summary>
internal sealed record SoslAndNot(SoslTerm Left, SoslTerm Right) : SoslTerm
{
    public override string Render() => $"AndNot({Left.Render()}, {Right.Render()})";

    public override IEnumerable<SoslText> Texts() => Left.Texts().Concat(Right.Texts());
}
