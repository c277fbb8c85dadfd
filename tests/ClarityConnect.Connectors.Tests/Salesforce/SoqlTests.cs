using ClarityConnect.Connectors.Salesforce;

namespace ClarityConnect.Connectors.Tests.Salesforce;

public sealed class SoqlTests
{
    [Theory]
    [InlineData("O'Brien", @"'O\'Brien'")]
    [InlineData("O'Brien' OR Name != '", @"'O\'Brien\' OR Name != \''")]
    [InlineData(@"back\slash", @"'back\\slash'")]
    [InlineData(@"\'", @"'\\\''")]
    [InlineData("say \"hi\"", "'say \\\"hi\\\"'")]
    [InlineData("line1\nline2\r\tend", @"'line1\nline2\r\tend'")]
    [InlineData("100% of_it", "'100% of_it'")]
    [InlineData("' OR Id != null OR Name = '", @"'\' OR Id != null OR Name = \''")]
    [InlineData("x') OR (Name LIKE '%", @"'x\') OR (Name LIKE \'%'")]
    [InlineData("bell\bform\f", @"'bell\bform\f'")]
    [InlineData("nul\u0001", @"'nul\u0001'")]
    [InlineData("", "''")]
    public void Literal_escapes_every_special_character(string value, string expected) =>
        Assert.Equal(expected, Soql.Literal(value));

    [Theory]
    [InlineData("100%", @"'100\%'")]
    [InlineData("a_b", @"'a\_b'")]
    [InlineData("O'Brien%_\\", @"'O\'Brien\%\_\\'")]
    public void LikeLiteral_also_escapes_wildcards_and_adds_none(string value, string expected) =>
        Assert.Equal(expected, Soql.LikeLiteral(value));

    [Fact]
    public void Literal_never_leaves_an_unescaped_quote()
    {
        var hostile = "'; DELETE FROM Contact; SELECT Id FROM Account WHERE Name = '\\'";
        var literal = Soql.Literal(hostile)[1..^1];
        for (var i = 0; i < literal.Length; i++)
        {
            if (literal[i] == '\\')
            {
                i++;
                continue;
            }

            Assert.NotEqual('\'', literal[i]);
        }
    }

    [Theory]
    [InlineData("Name")]
    [InlineData("Phone")]
    [InlineData("Region__c")]
    [InlineData("ns__Region__c")]
    [InlineData("Account.Name")]
    [InlineData("Parent__r.Field__c")]
    [InlineData("Account.Owner.Name")]
    [InlineData("Who.Name")]
    [InlineData("Field_With_Underscores__c")]
    public void IsValidIdentifier_accepts_api_names_and_paths(string name) => Assert.True(Soql.IsValidIdentifier(name));

    [Theory]
    [InlineData("")]
    [InlineData(" Name")]
    [InlineData("Name ")]
    [InlineData("Name, Id")]
    [InlineData("Name FROM Contact")]
    [InlineData("Name'")]
    [InlineData("1Name")]
    [InlineData("_Name")]
    [InlineData("Name_")]
    [InlineData("Account..Name")]
    [InlineData(".Name")]
    [InlineData("Name.")]
    [InlineData("Name--")]
    [InlineData("Na/*x*/me")]
    [InlineData("Name\n")]
    [InlineData("Ñame")]
    [InlineData("O'Brien' OR Name != '")]
    [InlineData("a.b.c.d.e.f.g")]
    public void IsValidIdentifier_refuses_anything_else(string name) => Assert.False(Soql.IsValidIdentifier(name));

    [Fact]
    public void IsValidObjectName_refuses_paths() => Assert.False(Soql.IsValidObjectName("Account.Name"));
}
