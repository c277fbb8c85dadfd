using System.Text.Json.Nodes;
using ClarityConnect.Connectors.Salesforce;
using ClarityConnect.TestDoubles.Salesforce.Sosl;

namespace ClarityConnect.Connectors.Tests.Salesforce;

/// <summary>The Salesforce double reads FIND terms as the SOSL reference describes them, and refuses what Salesforce refuses.</summary>
public sealed class SoslDoubleTests
{
    [Theory]
    [InlineData("FIND {Smith OR Jones}", "Or(Word(\"Smith\"), Word(\"Jones\"))")]
    [InlineData("FIND {smith or jones}", "Or(Word(\"smith\"), Word(\"jones\"))")]
    [InlineData("FIND {Joe Smith}", "And(Word(\"Joe\"), Word(\"Smith\"))")]
    [InlineData("FIND {Joe AND NOT Smith}", "AndNot(Word(\"Joe\"), Word(\"Smith\"))")]
    [InlineData("FIND {Joe and not Smith}", "AndNot(Word(\"Joe\"), Word(\"Smith\"))")]
    [InlineData("FIND {(Joe OR Jim) AND Smith}", "And(Or(Word(\"Joe\"), Word(\"Jim\")), Word(\"Smith\"))")]
    [InlineData("FIND {\"and\" or \"or\"}", "Or(Phrase(\"and\"), Phrase(\"or\"))")]
    [InlineData("FIND {\"joe and mary\"}", "Phrase(\"joe and mary\")")]
    [InlineData("FIND {\"x\\' OR Name \\!= \\'\"}", "Phrase(\"x' OR Name != '\")")]
    [InlineData("FIND {\\(415\\) 555\\-1212}", "And(Word(\"(415)\"), Word(\"555-1212\"))")]
    [InlineData("FIND {Joe Sm*}", "And(Word(\"Joe\"), Word(\"Sm*\"))")]
    [InlineData("FIND {\"AND\"}", "Phrase(\"AND\")")]
    public void Unquoted_operators_apply_and_quoted_text_is_literal(string sosl, string expected) => Assert.Equal(expected, SoslSearchTerm.Render(sosl));

    [Theory]
    [InlineData("FIND {}", "MALFORMED_SEARCH")]
    [InlineData("FIND {   }", "MALFORMED_SEARCH")]
    [InlineData("FIND {\"\"}", "MALFORMED_SEARCH")]
    [InlineData("FIND {O'Brien}", "MALFORMED_SEARCH")]
    [InlineData("FIND {\"O'Brien\"}", "MALFORMED_SEARCH")]
    [InlineData("FIND {555-1212}", "MALFORMED_SEARCH")]
    [InlineData("FIND {a:b}", "MALFORMED_SEARCH")]
    [InlineData("FIND {\"a(b)\"}", "MALFORMED_SEARCH")]
    [InlineData("FIND {\\bob}", "MALFORMED_SEARCH")]
    [InlineData("FIND {x OR}", "MALFORMED_SEARCH")]
    [InlineData("FIND {OR x}", "MALFORMED_SEARCH")]
    [InlineData("FIND {NOT x}", "MALFORMED_SEARCH")]
    [InlineData("FIND {a AND b AND}", "MALFORMED_SEARCH")]
    [InlineData("FIND {(a OR b}", "MALFORMED_SEARCH")]
    [InlineData("FIND {a OR b)}", "MALFORMED_SEARCH")]
    [InlineData("FIND {\"open phrase}", "MALFORMED_SEARCH")]
    [InlineData("FIND {a}", "INVALID_SEARCH")]
    [InlineData("FIND {\"a\"}", "INVALID_SEARCH")]
    [InlineData("FIND {\"\\-\\-\"}", "INVALID_SEARCH")]
    public void Malformed_and_too_short_terms_are_refused(string sosl, string errorCode)
    {
        var refused = Assert.Throws<FormatException>(() => SoslSearchTerm.Render(sosl));

        Assert.StartsWith(errorCode + ":", refused.Message);
    }

    [Theory]
    [InlineData("FIND {a OR b} IN NAME FIELDS RETURNING Contact(Id)", "INVALID_SEARCH")]
    [InlineData("FIND {a AND b AND NOT} IN NAME FIELDS RETURNING Contact(Id)", "MALFORMED_SEARCH")]
    [InlineData("FIND { } IN NAME FIELDS RETURNING Contact(Id)", "MALFORMED_SEARCH")]
    public async Task Salesforce_answers_a_refused_search_400_with_its_error_array(string sosl, string errorCode)
    {
        await using var harness = await SalesforceHarness.StartAsync();

        var error = await Assert.ThrowsAsync<SalesforceApiException>(() => harness.Client.SearchAsync(sosl, CancellationToken.None));

        Assert.Equal((System.Net.HttpStatusCode.BadRequest, errorCode, false), (error.StatusCode, error.ErrorCode, error.IsTransient));
    }

    // The double keeps what a search compares of each record (phone digits, words) between searches: a changed record
    // or a changed describe must be searched as it is now, as Salesforce's index follows its records.
    [Fact]
    public async Task A_search_finds_a_record_by_what_it_holds_now_after_an_update_or_a_describe_change()
    {
        await using var harness = await SalesforceHarness.StartAsync();
        var id = harness.Double.AddRecord("Contact", new JsonObject { ["LastName"] = "Okafor", ["Email"] = "okafor@example.com", ["Phone"] = "(415) 555-0100", ["Department__c"] = "415 555 0177" });
        async Task<IReadOnlyList<string?>> FindAsync(string term, string group) =>
            (await harness.Client.SearchAsync($"FIND {{{term}}} IN {group} FIELDS RETURNING Contact(Id)", CancellationToken.None))
                .Select(r => (string?)r["Id"]).ToList();

        Assert.Equal([id], await FindAsync("4155550100", "PHONE"));
        Assert.Equal([id], await FindAsync("okafor", "EMAIL"));
        Assert.Empty(await FindAsync("4155550177", "PHONE"));

        harness.Double.UpdateRecord(id, new JsonObject { ["Email"] = "mensah@example.com", ["Phone"] = "+1 415 555 0199" });
        Assert.Empty(await FindAsync("4155550100", "PHONE"));
        Assert.Equal([id], await FindAsync("4155550199", "PHONE"));
        Assert.Empty(await FindAsync("okafor", "EMAIL"));
        Assert.Equal([id], await FindAsync("mensah", "EMAIL"));

        harness.Double.DefineField("Contact", "Department__c", "phone");
        Assert.Equal([id], await FindAsync("4155550177", "PHONE"));
    }
}
