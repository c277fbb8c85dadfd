using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClarityConnect.Abstractions.Nodes;
using ClarityConnect.Abstractions.Sessions;
using ClarityConnect.Connectors.Search;
using ClarityConnect.Crm.Tests.Scenarios;
using ClarityConnect.TestDoubles.Salesforce.Sosl;
using ClarityConnect.Testing.Settings;

namespace ClarityConnect.Crm.Tests.Salesforce;

/// <summary>The shared Customer Lookup scenarios against Salesforce (checked in SOSL and SOQL), and what only Salesforce's search does.</summary>
[Collection(SalesforceCollection.Name)]
public sealed class SalesforceCustomerLookupTests(SalesforceClusterFixture fixture) : CustomerLookupScenarios<SalesforceClusterFixture>(fixture)
{
    protected override string AccountNumberParameter => "Account.AccountNumber";

    protected override string LastNameParameter => "Contact.LastName";

    protected override string HostileValue => @"O'Brien' OR Name != '\%_";

    protected override void AssertSearchedForPhone(string area, string exchange, string line) =>
        Assert.Contains(Fixture.Salesforce.Searches, q => q.StartsWith($"FIND {{\"{area}{exchange}{line}\" OR \"1{area}{exchange}{line}\"}} IN PHONE FIELDS RETURNING Contact(", StringComparison.Ordinal));

    protected override void AssertSearchedWithoutExtension(string area, string exchange, string line, string extension) =>
        Assert.StartsWith($"FIND {{\"{area}{exchange}{line}\" OR \"1{area}{exchange}{line}\"}} IN PHONE FIELDS", Fixture.Salesforce.Searches.Last());

    protected override void AssertSearchedForAccountNumber(string number) =>
        Assert.Contains($"FROM Account WHERE AccountNumber = '{number}' LIMIT 50", Fixture.Salesforce.Queries.Last());

    protected override void AssertSearchedForHostileLastName() =>
        Assert.EndsWith(@"FROM Contact WHERE LastName = 'O\'Brien\' OR Name != \'\\%_' LIMIT 50", Fixture.Salesforce.Queries.Last());

    [Fact]
    public async Task A_hostile_caller_id_name_stays_a_search_term()
    {
        var (_, outcome) = await RunAsync(new SessionStart { Channel = SessionChannel.Voice, CallerIdName = "Bob} RETURNING User(Id, Name) {x*" }, Automatic);

        Assert.Equal(NodeExit.NoMatch, outcome.Exit);
        Assert.StartsWith(@"FIND {""Bob\} RETURNING User\(Id, Name\) \{x\*""} IN NAME FIELDS RETURNING Contact(", Fixture.Salesforce.Searches.Last());
    }

    [Fact]
    public async Task Hostile_caller_id_names_are_one_literal_phrase_or_not_searched_at_all()
    {
        string[] issueNames = ["x' OR Name != '", "a AND b", "NOT x", "Smith AND NOT Jones", "(Smith OR Jones)", "and", "OR", "\u0000", "\b", "\0\b",
            "\0", "\b", "\0\0\b", "a", "Z", "J.", "-", "*", "?", "\\", "\"", "a\0", "x OR y", "Sm?th*", "李", "李明"];
        var names = issueNames.Concat(HostileValues.All.Select(v => v.Value)).Where(n => n.Length <= 200).Distinct().ToList();
        var before = Fixture.Salesforce.Searches.Count;

        var outcomes = new List<(string Name, NodeOutcome Outcome)>();
        foreach (var name in names)
        {
            outcomes.Add((name, (await RunAsync(new SessionStart { Channel = SessionChannel.Voice, CallerIdName = name }, Automatic)).Outcome));
        }

        // Each searchable name is sent once, as one phrase holding the name without control or invisible characters;
        // no search changes its structure, and none is refused (a refusal would read "lookup failed").
        var searchable = names.Select(SearchText.Clean).Where(n => SearchText.SearchableLength(n) >= 2).ToList();
        Assert.Equal(searchable.Select(Phrase).Order(StringComparer.Ordinal), Fixture.Salesforce.Searches.Skip(before).Select(SoslSearchTerm.Render).Order(StringComparer.Ordinal));
        Assert.All(outcomes, o => Assert.DoesNotContain("failed", o.Outcome.Reason));
        Assert.All(outcomes.Where(o => !string.IsNullOrWhiteSpace(o.Name) && SearchText.SearchableLength(SearchText.Clean(o.Name)) < 2),
            o => Assert.Contains("caller ID name was not searched", o.Outcome.Reason));
        Assert.True(searchable.Count > 200, $"{searchable.Count} names searched");

        static string Phrase(string text) => $"Phrase({JsonSerializer.Serialize(text, new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping })})";
    }

    [Fact]
    public async Task A_national_number_is_read_in_the_default_region_and_searched_with_its_country_code()
    {
        var subscriber = Random.Shared.Next(100, 999);
        var contactId = Fixture.Salesforce.AddRecord("Contact", new JsonObject { ["LastName"] = "London" + subscriber, ["MobilePhone"] = $"+44 7700 900{subscriber}" });
        await Fixture.SetDefaultPhoneRegionAsync("GB");
        try
        {
            var (_, outcome) = await RunAsync(new SessionStart { Channel = SessionChannel.Voice, CallerPhoneNumber = $"07700 900{subscriber}" }, Automatic);

            Assert.Equal((NodeExit.Match, contactId), (outcome.Exit, outcome.Records.FirstOrDefault()?.RecordId));
            Assert.StartsWith($"FIND {{\"07700900{subscriber}\" OR \"447700900{subscriber}\"}} IN PHONE FIELDS", Fixture.Salesforce.Searches.Last());
        }
        finally
        {
            await Fixture.SetDefaultPhoneRegionAsync("US");
        }
    }

    [Fact]
    public async Task A_repeat_caller_dialling_another_extension_reuses_the_record_and_gets_this_calls_extension()
    {
        var (area, exchange, line) = NewNumber();
        var contactId = Fixture.Salesforce.AddRecord("Contact", new JsonObject { ["LastName"] = "Switchboard" + line, ["Phone"] = $"+1 {area}-{exchange}-{line}" });
        var node = Automatic with { FreshLookupOnEachCall = false, DaysToGoBack = 3 };
        var (_, first) = await RunAsync(new SessionStart { Channel = SessionChannel.Voice, CallerPhoneNumber = $"tel:+1-{area}-{exchange}-{line};ext=11" }, node);
        var searches = Fixture.Salesforce.Searches.Count;

        var (session, again) = await RunAsync(new SessionStart { Channel = SessionChannel.Voice, CallerPhoneNumber = $"({area}) {exchange}-{line} ext. 12" }, node);

        Assert.Equal((contactId, "11"), (first.Records.FirstOrDefault()?.RecordId, first.ExtraItemsSet.GetValueOrDefault("Salesforce.CallerExtension")));
        Assert.True(again.ReusedEarlierRecord);
        Assert.Equal(contactId, again.Records[0].RecordId);
        Assert.Equal(searches, Fixture.Salesforce.Searches.Count);
        Assert.Equal("12", (await session.GetAsync()).ExtraItems["Salesforce.CallerExtension"]);
    }

    [Fact]
    public async Task The_key_icon_names_the_authorizing_user_by_the_identity_url_salesforce_returns()
    {
        var status = await Fixture.AuthorizeAsync();

        Assert.True(status.Authorized);
        Assert.Equal($"{Fixture.Salesforce.BaseUrl.AbsoluteUri.TrimEnd('/')}/id/{Fixture.Salesforce.OrgId}/{Fixture.Salesforce.UserId}", status.AuthorizedAs);
    }
}
