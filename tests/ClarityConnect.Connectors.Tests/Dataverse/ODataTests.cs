using System.Text.Json.Nodes;
using ClarityConnect.Connectors.Dataverse;
using ClarityConnect.TestDoubles.Dataverse;

namespace ClarityConnect.Connectors.Tests.Dataverse;

public sealed class ODataTests
{
    public static TheoryData<string> Hostile => new()
    {
        "O'Brien",
        "O'Brien' or fullname ne '",
        "' or 1 eq 1 or telephone1 eq '",
        "+1 555-0100",
        "a&$filter=fullname ne null",
        "50% off (today) eq or and not",
        "x') or contains(fullname,'",
        "''''",
        "Zoë 李 😀 #?=;,/:@",
        "%27%20or%20%27a%27%20eq%20%27a",
    };

    [Fact]
    public void Literal_doubles_quotes_and_keeps_everything_else()
    {
        Assert.Equal("'O''Brien'", OData.Literal("O'Brien"));
        Assert.Equal("''", OData.Literal(string.Empty));
        Assert.Equal("'+1 & 2 eq (3)'", OData.Literal("+1 & 2 eq (3)"));
        Assert.Equal("telephone1 eq '+15550100'", OData.Equal("telephone1", "+15550100"));
    }

    [Theory]
    [InlineData("telephone1", true)]
    [InlineData("_parentcustomerid_value", true)]
    [InlineData("parentcustomerid_account/name", true)]
    [InlineData("new_Field2", true)]
    [InlineData("", false)]
    [InlineData("1abc", false)]
    [InlineData("name eq 'x'", false)]
    [InlineData("name)", false)]
    [InlineData("a//b", false)]
    [InlineData("name,fullname", false)]
    [InlineData("na%20me", false)]
    public void Identifiers_are_checked(string name, bool valid) => Assert.Equal(valid, OData.IsValidIdentifier(name));

    [Fact]
    public void Property_names_are_refused_when_not_identifiers() =>
        Assert.Throws<ArgumentException>(() => OData.Equal("fullname eq 'x' or telephone1", "y"));

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task Hostile_values_reach_Dataverse_as_one_literal(string hostile)
    {
        await using var harness = await DataverseHarness.StartAsync();
        var match = harness.Double.AddRecord("contact", new JsonObject { ["fullname"] = "Match", ["telephone1"] = hostile });
        harness.Double.AddRecord("contact", new JsonObject { ["fullname"] = "Other", ["telephone1"] = "5550000" });
        var filter = OData.Equal("telephone1", hostile);

        var page = await harness.Client.QueryAsync("contacts", "fullname,telephone1", filter, null, null, 50, CancellationToken.None);

        Assert.Equal(filter, harness.Double.Filters.Single());
        Assert.Equal($"Equal(telephone1, {DataverseFilter.Quote(hostile)})", harness.Double.LastFilterAst);
        var record = Assert.Single(page.Records);
        Assert.Equal(match.ToString(), (string?)record["contactid"]);
        Assert.DoesNotContain("+", page.RequestUri.Query, StringComparison.Ordinal);
        Assert.DoesNotContain("&$filter=fullname", page.RequestUri.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unescaped_quote_is_refused_with_the_parsers_message()
    {
        await using var harness = await DataverseHarness.StartAsync();

        var error = await Assert.ThrowsAsync<DataverseApiException>(() =>
            harness.Client.QueryAsync("contacts", "fullname", "lastname eq 'O'Bryan'", null, null, 10, CancellationToken.None));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Contains("unterminated literal", error.ErrorMessage, StringComparison.Ordinal);
        Assert.Single(harness.Double.WebApiRequests);
    }

    [Fact]
    public async Task Unknown_property_is_refused()
    {
        await using var harness = await DataverseHarness.StartAsync();

        var error = await Assert.ThrowsAsync<DataverseApiException>(() =>
            harness.Client.QueryAsync("contacts", "fullname", "nosuchcolumn eq 'x'", null, null, 10, CancellationToken.None));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Contains("nosuchcolumn", error.ErrorMessage, StringComparison.Ordinal);
    }
}
