namespace ClarityConnect.TestDoubles.Salesforce.Sosl;

/// <summary>A word (may hold <c>*</c> / <c>?</c> wildcards) or a quoted phrase, already unescaped.</summary>
internal sealed record SoslText(string Text, bool Phrase) : SoslTerm
{
    public override string Render() => $"{(Phrase ? "Phrase" : "Word")}({Quote(Text)})";

    public override IEnumerable<SoslText> Texts() => [this];
}
