using System.Text.Json;

namespace ClarityConnect.TestDoubles.Salesforce.Sosl;

/// <summary>A node of a parsed FIND term: a word or phrase, or an operator over two terms.</summary>
internal abstract record SoslTerm
{
    private static readonly JsonSerializerOptions QuoteOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The tree as text, e.g. <c>Or(Phrase("4155550100"), Phrase("14155550100"))</c>; texts as JSON strings.</summary>
    public abstract string Render();

    /// <summary>Every word and phrase of the term, left to right.</summary>
    public abstract IEnumerable<SoslText> Texts();

    protected static string Quote(string text) => JsonSerializer.Serialize(text, QuoteOptions);
}
