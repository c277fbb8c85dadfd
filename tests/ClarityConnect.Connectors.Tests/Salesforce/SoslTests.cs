using ClarityConnect.Connectors.Salesforce;

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
    [InlineData("line\nbreak", "line break")]
    [InlineData("plain words", "plain words")]
    public void Term_escapes_hostile_input(string value, string expected) => Assert.Equal(expected, Sosl.Term(value));

    [Fact]
    public void Phrase_quotes_the_escaped_term() => Assert.Equal("\"Smith OR Jones\"", Sosl.Phrase("Smith OR Jones"));

    [Fact]
    public void Phrase_escapes_an_embedded_quote() => Assert.Equal("\"say \\\"hi\\\"\"", Sosl.Phrase("say \"hi\""));

    [Fact]
    public void PhoneDigits_keeps_only_digits() => Assert.Equal("14155551212", Sosl.PhoneDigits("+1 (415) 555-1212"));
}
