using ClarityConnect.Connectors.Salesforce;
using ClarityConnect.Connectors.Search;
using ClarityConnect.TestDoubles.Salesforce.Sosl;

namespace ClarityConnect.Connectors.Tests.Salesforce;

public sealed class SoslTests
{
    [Fact]
    public void Term_escapes_every_reserved_character()
    {
        const string reserved = "?&|!{}[]()^~*:\\\"'+-";
        var escaped = Sosl.Term(reserved);
        Assert.Equal(string.Concat(reserved.Select(c => "\\" + c)), escaped);
    }

    [Theory]
    [InlineData("+1 (415) 555-1212", @"\+1 \(415\) 555\-1212")]
    [InlineData("O'Brien' OR Name != '", @"O\'Brien\' OR Name \!= \'")]
    [InlineData("john}} RETURNING User(Id", @"john\}\} RETURNING User\(Id")]
    [InlineData("a\\b", @"a\\b")]
    [InlineData("plain words", "plain words")]
    public void Term_escapes_hostile_input(string value, string expected) => Assert.Equal(expected, Sosl.Term(value));

    [Theory]
    [InlineData("Jo\0hn", "John")]
    [InlineData("\bSmith\u007f", "Smith")]
    [InlineData("line\nbreak", "line break")]
    [InlineData("  many \t\r\n  spaces\u00a0\u3000here ", "many spaces here")]
    [InlineData("zero\u200bwidth\u202e and\u00adsoft", "zerowidth andsoft")]
    [InlineData("\0\b", "")]
    public void Control_and_invisible_characters_are_removed_and_white_space_collapsed(string value, string expected) =>
        Assert.Equal(expected, Sosl.Term(value));

    [Fact]
    public void Phrase_quotes_the_escaped_term() => Assert.Equal("\"Smith OR Jones\"", Sosl.Phrase("Smith OR Jones"));

    [Fact]
    public void Phrase_escapes_an_embedded_quote() => Assert.Equal("\"say \\\"hi\\\"\"", Sosl.Phrase("say \"hi\""));

    [Fact]
    public void AnyPhrase_joins_distinct_phrases_with_or() =>
        Assert.Equal("\"4155550100\" OR \"14155550100\"", Sosl.AnyPhrase(["4155550100", "14155550100", "4155550100"]));

    [Theory]
    [InlineData("ab", true)]
    [InlineData("Li", true)]
    [InlineData("中文", true)]
    [InlineData("a", false)]
    [InlineData("J.", false)]
    [InlineData("a\0", false)]
    [InlineData("'-", false)]
    [InlineData("\0\b", false)]
    [InlineData("😀😀", false)]
    public void Only_text_with_two_letters_or_digits_is_searchable(string value, bool searchable) => Assert.Equal(searchable, SearchText.IsSearchable(value));

    [Theory]
    [InlineData("x' OR Name != '")]
    [InlineData("a AND b")]
    [InlineData("NOT x")]
    [InlineData("Smith AND NOT Jones")]
    [InlineData("and")]
    [InlineData("(a OR b) AND c*")]
    [InlineData("Bob} RETURNING User(Id, Name) {x*")]
    [InlineData("\\\"} OR {\"")]
    [InlineData("O'Brien \\b \\u0000")]
    public void A_phrase_of_any_searchable_text_is_one_literal_phrase_to_the_double(string name)
    {
        var sosl = $"FIND {{{Sosl.Phrase(name)}}} IN NAME FIELDS";

        Assert.Equal($"Phrase({System.Text.Json.JsonSerializer.Serialize(SearchText.Clean(name), new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })})",
            SoslSearchTerm.Render(sosl));
    }
}
