namespace ClarityConnect.TestDoubles.Salesforce.Sosl;

/// <summary>Both terms match.</summary>
internal sealed record SoslAnd(SoslTerm Left, SoslTerm Right) : SoslTerm
{
    public override string Render() => $"And({Left.Render()}, {Right.Render()})";

    public override IEnumerable<SoslText> Texts() => Left.Texts().Concat(Right.Texts());
}
