using System.Text.Json.Nodes;
using ClarityConnect.Connectors.Salesforce;

namespace ClarityConnect.Connectors.Tests.Salesforce;

public sealed class SalesforceQueryTests
{
    private const string Hostile = "O'Brien' OR Name != '";

    [Fact]
    public async Task Query_all_follows_next_records_url_across_pages()
    {
        await using var harness = await SalesforceHarness.StartAsync();
        harness.Double.PageSize = 2;
        for (var i = 0; i < 5; i++)
        {
            harness.Double.AddRecord("Contact", new() { ["LastName"] = $"Person {i}" });
        }

        var records = await harness.Client.QueryAllAsync("SELECT Id, LastName FROM Contact ORDER BY LastName", 100, CancellationToken.None).ToListAsync();

        Assert.Equal(["Person 0", "Person 1", "Person 2", "Person 3", "Person 4"], records.Select(r => (string?)r["LastName"]));
        var pageRequests = harness.Double.Requests.Where(r => r.Path.Contains("/query/", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, pageRequests.Count);
    }

    [Fact]
    public async Task Query_all_stops_at_max_records()
    {
        await using var harness = await SalesforceHarness.StartAsync();
        harness.Double.PageSize = 2;
        for (var i = 0; i < 5; i++)
        {
            harness.Double.AddRecord("Contact", new() { ["LastName"] = $"Person {i}" });
        }

        var records = await harness.Client.QueryAllAsync("SELECT Id FROM Contact", 3, CancellationToken.None).ToListAsync();

        Assert.Equal(3, records.Count);
        Assert.Single(harness.Double.Requests, r => r.Path.Contains("/query/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task First_page_reports_total_and_next_url()
    {
        await using var harness = await SalesforceHarness.StartAsync();
        harness.Double.PageSize = 2;
        for (var i = 0; i < 3; i++)
        {
            harness.Double.AddRecord("Account", new() { ["Name"] = $"A{i}" });
        }

        var page = await harness.Client.QueryAsync("SELECT Id FROM Account", CancellationToken.None);

        Assert.Equal(3, page.TotalSize);
        Assert.False(page.Done);
        Assert.StartsWith("/services/data/v62.0/query/", page.NextRecordsUrl, StringComparison.Ordinal);
        Assert.Equal(2, page.Records.Count);
        Assert.Equal("Account", (string?)page.Records[0]["attributes"]!["type"]);
    }

    [Fact]
    public async Task Hostile_value_reaches_salesforce_escaped_and_keeps_its_meaning()
    {
        await using var harness = await SalesforceHarness.StartAsync();
        harness.Double.AddRecord("Contact", new() { ["LastName"] = "Smith" });
        harness.Double.AddRecord("Contact", new() { ["LastName"] = "O'Brien" });
        var target = harness.Double.AddRecord("Contact", new() { ["LastName"] = Hostile });

        var soql = $"SELECT Id, LastName FROM Contact WHERE LastName = {Soql.Literal(Hostile)}";
        var page = await harness.Client.QueryAsync(soql, CancellationToken.None);

        Assert.Equal(@"SELECT Id, LastName FROM Contact WHERE LastName = 'O\'Brien\' OR Name != \''", Assert.Single(harness.Double.Queries));
        Assert.Equal(target, (string?)Assert.Single(page.Records)["Id"]);
    }

    [Fact]
    public async Task Like_literal_matches_wildcard_characters_literally()
    {
        await using var harness = await SalesforceHarness.StartAsync();
        harness.Double.AddRecord("Account", new() { ["Name"] = "100% Cotton_Co" });
        harness.Double.AddRecord("Account", new() { ["Name"] = "100X CottonXCo" });

        var page = await harness.Client.QueryAsync($"SELECT Name FROM Account WHERE Name LIKE {Soql.LikeLiteral("100% Cotton_Co")}", CancellationToken.None);

        Assert.Equal("100% Cotton_Co", (string?)Assert.Single(page.Records)["Name"]);
        Assert.Equal(@"SELECT Name FROM Account WHERE Name LIKE '100\% Cotton\_Co'", harness.Double.Queries.Single());
    }

    [Fact]
    public async Task Relationship_fields_come_back_nested()
    {
        await using var harness = await SalesforceHarness.StartAsync();
        var account = harness.Double.AddRecord("Account", new() { ["Name"] = "Acme" });
        harness.Double.AddRecord("Contact", new() { ["LastName"] = "Lee", ["AccountId"] = account });
        harness.Double.AddRecord("Contact", new() { ["LastName"] = "Loner" });

        var page = await harness.Client.QueryAsync(
            "SELECT Id, Name, Account.Name FROM Contact WHERE (Account.Name = 'Acme' OR LastName = 'Loner') AND NOT LastName LIKE 'X%' ORDER BY LastName DESC",
            CancellationToken.None);

        Assert.Equal(2, page.Records.Count);
        Assert.Equal("Loner", (string?)page.Records[0]["Name"]);
        Assert.Null(page.Records[0]["Account"]);
        Assert.Equal("Acme", (string?)page.Records[1]["Account"]!["Name"]);
        Assert.Equal("Account", (string?)page.Records[1]["Account"]!["attributes"]!["type"]);
    }

    [Theory]
    [InlineData("SELECT Id FROM Contact WHERE LastName = 'bad\\q escape'", "MALFORMED_QUERY")]
    [InlineData("SELECT Id FROM Contact WHERE LastName = 'unterminated", "MALFORMED_QUERY")]
    [InlineData("SELECT Id FROM Contact WHERE LastName = 'a' AND FirstName = 'b' OR Email = 'c'", "MALFORMED_QUERY")]
    [InlineData("SELECT Id FROM Contactx", "INVALID_TYPE")]
    [InlineData("SELECT Id, Foo__c FROM Contact", "INVALID_FIELD")]
    [InlineData("SELECT Id FROM Contact WHERE Phone = 4155551212", "INVALID_FIELD")]
    public async Task Invalid_queries_get_salesforce_errors_without_retry(string soql, string errorCode)
    {
        await using var harness = await SalesforceHarness.StartAsync();

        var error = await Assert.ThrowsAsync<SalesforceApiException>(() => harness.Client.QueryAsync(soql, CancellationToken.None));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal(errorCode, error.ErrorCode);
        Assert.False(error.IsTransient);
        Assert.Single(harness.Double.Queries);
    }

    [Fact]
    public async Task Query_more_refuses_urls_outside_the_data_api()
    {
        await using var harness = await SalesforceHarness.StartAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => harness.Client.QueryMoreAsync("https://evil.example/services/data/v62.0/query/x-1", CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => harness.Client.QueryMoreAsync("/services/data/../../x", CancellationToken.None));
    }

    [Fact]
    public async Task Phone_search_matches_formatted_numbers_by_digits()
    {
        await using var harness = await SalesforceHarness.StartAsync();
        var contact = harness.Double.AddRecord("Contact", new() { ["LastName"] = "Lee", ["MobilePhone"] = "(415) 555-1212" });
        var account = harness.Double.AddRecord("Account", new() { ["Name"] = "Acme", ["Phone"] = "+1 415 555 1212" });
        harness.Double.AddRecord("Contact", new() { ["LastName"] = "Other", ["Phone"] = "(415) 555-9999" });

        var sosl = $"FIND {{{Sosl.AnyPhrase(["4155551212", "14155551212"])}}} IN PHONE FIELDS RETURNING Contact(Id, Name), Account(Id, Name)";
        var records = await harness.Client.SearchAsync(sosl, CancellationToken.None);

        Assert.Equal([contact, account], records.Select(r => (string?)r["Id"]));
        Assert.Equal("FIND {\"4155551212\" OR \"14155551212\"} IN PHONE FIELDS RETURNING Contact(Id, Name), Account(Id, Name)", harness.Double.Searches.Single());
    }

    [Fact]
    public async Task Hostile_search_phrase_is_searched_literally()
    {
        await using var harness = await SalesforceHarness.StartAsync();
        harness.Double.AddRecord("Contact", new() { ["LastName"] = "Smith" });
        harness.Double.AddRecord("Contact", new() { ["LastName"] = "Jones" });

        var unsafeRecords = await harness.Client.SearchAsync("FIND {Smith OR Jones} IN NAME FIELDS RETURNING Contact(Id)", CancellationToken.None);
        var safeRecords = await harness.Client.SearchAsync($"FIND {{{Sosl.Phrase("Smith OR Jones")}}} IN NAME FIELDS RETURNING Contact(Id)", CancellationToken.None);

        Assert.Equal(2, unsafeRecords.Count);
        Assert.Empty(safeRecords);
        Assert.Equal("FIND {\"Smith OR Jones\"} IN NAME FIELDS RETURNING Contact(Id)", harness.Double.Searches[1]);
    }

    [Fact]
    public async Task Search_where_clause_filters_results()
    {
        await using var harness = await SalesforceHarness.StartAsync();
        harness.Double.AddRecord("Contact", new() { ["LastName"] = "Lee", ["Phone"] = "4155551212", ["Email"] = "a@x.test" });
        var wanted = harness.Double.AddRecord("Contact", new() { ["LastName"] = "Lee", ["Phone"] = "4155551212", ["Email"] = "b@x.test" });

        var records = await harness.Client.SearchAsync(
            $"FIND {{4155551212}} IN PHONE FIELDS RETURNING Contact(Id, Email WHERE Email = {Soql.Literal("b@x.test")} LIMIT 5)", CancellationToken.None);

        Assert.Equal(wanted, (string?)Assert.Single(records)["Id"]);
    }
}
