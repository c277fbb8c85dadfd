using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClarityConnect.Abstractions.Crm;
using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Abstractions.Nodes;
using ClarityConnect.Abstractions.Sessions;
using ClarityConnect.Connectors.Search;
using ClarityConnect.TestDoubles.Salesforce.Sosl;
using ClarityConnect.Testing.Settings;

namespace ClarityConnect.Salesforce.Tests;

[Collection(SalesforceCollection.Name)]
public sealed class CustomerLookupTests(SalesforceClusterFixture fixture)
{
    private static readonly CustomerLookupNode Automatic = new() { NodeId = "lookup", Integration = IntegrationNames.Salesforce, AutoOpenOnAccept = true };

    [Theory]
    [InlineData("+1 ({0}) {1}-{2}")]
    [InlineData("{0}{1}{2}")]
    [InlineData("+1{0}{1}{2}")]
    public async Task A_caller_is_found_by_phone_in_any_common_format(string format)
    {
        var (area, exchange, line) = NewNumber();
        var contactId = fixture.Salesforce.AddRecord("Contact", new JsonObject
        {
            ["FirstName"] = "Dana", ["LastName"] = "Phone" + line, ["Phone"] = $"({area}) {exchange}-{line}", ["Email"] = $"dana{line}@example.com",
        });

        var (session, outcome) = await RunAsync(new SessionStart { Channel = SessionChannel.Voice, CallerPhoneNumber = string.Format(format, area, exchange, line) }, Automatic);

        Assert.Equal(NodeExit.Match, outcome.Exit);
        Assert.Equal(contactId, outcome.Records[0].RecordId);
        Assert.Contains(fixture.Salesforce.Searches, q => q.StartsWith($"FIND {{\"{area}{exchange}{line}\" OR \"1{area}{exchange}{line}\"}} IN PHONE FIELDS RETURNING Contact(", StringComparison.Ordinal));
        var items = (await session.GetAsync()).ExtraItems;
        Assert.Equal((contactId, "Contact", $"Dana Phone{line}", $"dana{line}@example.com"),
            (items["Salesforce.RecordId"], items["Salesforce.ObjectType"], items["Salesforce.Name"], items["Salesforce.Email"]));
        Assert.Equal($"{fixture.Salesforce.BaseUrl.ToString().TrimEnd('/')}/lightning/r/Contact/{contactId}/view", items["Salesforce.RecordUrl"]);
    }

    [Fact]
    public async Task A_caller_is_found_by_sip_address_and_by_caller_id_name()
    {
        var line = NewNumber().Line;
        var bySip = fixture.Salesforce.AddRecord("Contact", new JsonObject { ["LastName"] = "Sip" + line, ["Email"] = $"sip{line}@example.org" });
        var byName = fixture.Salesforce.AddRecord("Contact", new JsonObject { ["FirstName"] = "Quincy", ["LastName"] = "Name" + line });

        var (_, sip) = await RunAsync(new SessionStart { Channel = SessionChannel.Chat, SipAddress = $"sip:sip{line}@example.org;transport=tls" }, Automatic);
        var (_, name) = await RunAsync(new SessionStart { Channel = SessionChannel.Voice, CallerIdName = $"Quincy Name{line}" }, Automatic);

        Assert.Equal((NodeExit.Match, bySip), (sip.Exit, sip.Records[0].RecordId));
        Assert.Equal((NodeExit.Match, byName), (name.Exit, name.Records[0].RecordId));
    }

    [Fact]
    public async Task A_caller_is_found_by_an_extra_item_in_the_given_field()
    {
        var number = "ACME-" + NewNumber().Line;
        var accountId = fixture.Salesforce.AddRecord("Account", new JsonObject { ["Name"] = "Acme " + number, ["AccountNumber"] = number });
        var node = new CustomerLookupNode { NodeId = "by-account", Integration = IntegrationNames.Salesforce, LookupType = LookupType.ExtraItemKey, ExtraItemName = "CustomerAccount", SearchParameter = "Account.AccountNumber" };

        var (_, outcome) = await RunAsync(new SessionStart { Channel = SessionChannel.Voice, ExtraItems = new Dictionary<string, string> { ["CustomerAccount"] = number } }, node);

        Assert.Equal((NodeExit.Match, accountId, "Account"), (outcome.Exit, outcome.Records[0].RecordId, outcome.Records[0].ObjectType));
        Assert.Contains($"FROM Account WHERE AccountNumber = '{number}' LIMIT 50", fixture.Salesforce.Queries.Last());
    }

    [Fact]
    public async Task A_hostile_extra_item_stays_a_literal_in_the_exact_query_text()
    {
        const string hostile = @"O'Brien' OR Name != '\%_";
        var node = new CustomerLookupNode { NodeId = "hostile", Integration = IntegrationNames.Salesforce, LookupType = LookupType.ExtraItemKey, ExtraItemName = "Caller", SearchParameter = "Contact.LastName" };

        var (_, outcome) = await RunAsync(new SessionStart { Channel = SessionChannel.Voice, ExtraItems = new Dictionary<string, string> { ["Caller"] = hostile } }, node);

        Assert.Equal(NodeExit.NoMatch, outcome.Exit);
        Assert.EndsWith(@"FROM Contact WHERE LastName = 'O\'Brien\' OR Name != \'\\%_' LIMIT 50", fixture.Salesforce.Queries.Last());
    }

    [Fact]
    public async Task A_hostile_caller_id_name_stays_a_search_term()
    {
        var (_, outcome) = await RunAsync(new SessionStart { Channel = SessionChannel.Voice, CallerIdName = "Bob} RETURNING User(Id, Name) {x*" }, Automatic);

        Assert.Equal(NodeExit.NoMatch, outcome.Exit);
        Assert.StartsWith(@"FIND {""Bob\} RETURNING User\(Id, Name\) \{x\*""} IN NAME FIELDS RETURNING Contact(", fixture.Salesforce.Searches.Last());
    }

    [Fact]
    public async Task Hostile_caller_id_names_are_one_literal_phrase_or_not_searched_at_all()
    {
        string[] issueNames = ["x' OR Name != '", "a AND b", "NOT x", "Smith AND NOT Jones", "(Smith OR Jones)", "and", "OR", "\u0000", "\b", "\0\b",
            "\0", "\b", "\0\0\b", "a", "Z", "J.", "-", "*", "?", "\\", "\"", "a\0", "x OR y", "Sm?th*", "李", "李明"];
        var names = issueNames.Concat(HostileValues.All.Select(v => v.Value)).Where(n => n.Length <= 200).Distinct().ToList();
        var before = fixture.Salesforce.Searches.Count;

        var outcomes = new List<(string Name, NodeOutcome Outcome)>();
        foreach (var name in names)
        {
            outcomes.Add((name, (await RunAsync(new SessionStart { Channel = SessionChannel.Voice, CallerIdName = name }, Automatic)).Outcome));
        }

        // Each searchable name is sent once, as one phrase holding the name without control or invisible characters;
        // no search changes its structure, and none is refused (a refusal would read "lookup failed").
        var searchable = names.Select(SearchText.Clean).Where(n => SearchText.SearchableLength(n) >= 2).ToList();
        Assert.Equal(searchable.Select(Phrase).Order(StringComparer.Ordinal), fixture.Salesforce.Searches.Skip(before).Select(SoslSearchTerm.Render).Order(StringComparer.Ordinal));
        Assert.All(outcomes, o => Assert.DoesNotContain("failed", o.Outcome.Reason));
        Assert.All(outcomes.Where(o => !string.IsNullOrWhiteSpace(o.Name) && SearchText.SearchableLength(SearchText.Clean(o.Name)) < 2),
            o => Assert.Contains("caller ID name was not searched", o.Outcome.Reason));
        Assert.True(searchable.Count > 200, $"{searchable.Count} names searched");

        static string Phrase(string text) => $"Phrase({JsonSerializer.Serialize(text, new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping })})";
    }

    [Theory]
    [InlineData("+1 ({0}) {1}-{2} ext. 204")]
    [InlineData("tel:+1-{0}-{1}-{2};ext=204")]
    [InlineData("+1 {0} {1} {2} x 204")]
    public async Task A_number_with_an_extension_is_found_by_the_number_and_the_extension_becomes_an_extra_item(string format)
    {
        var (area, exchange, line) = NewNumber();
        var contactId = fixture.Salesforce.AddRecord("Contact", new JsonObject { ["LastName"] = "Ext" + line, ["Phone"] = $"({area}) {exchange}-{line}" });

        var (session, outcome) = await RunAsync(new SessionStart { Channel = SessionChannel.Voice, CallerPhoneNumber = string.Format(format, area, exchange, line) }, Automatic);

        Assert.Equal((NodeExit.Match, contactId), (outcome.Exit, outcome.Records.FirstOrDefault()?.RecordId));
        Assert.StartsWith($"FIND {{\"{area}{exchange}{line}\" OR \"1{area}{exchange}{line}\"}} IN PHONE FIELDS", fixture.Salesforce.Searches.Last());
        Assert.Equal("204", (await session.GetAsync()).ExtraItems["Salesforce.CallerExtension"]);
    }

    [Fact]
    public async Task A_national_number_is_read_in_the_default_region_and_searched_with_its_country_code()
    {
        var subscriber = Random.Shared.Next(100, 999);
        var contactId = fixture.Salesforce.AddRecord("Contact", new JsonObject { ["LastName"] = "London" + subscriber, ["MobilePhone"] = $"+44 7700 900{subscriber}" });
        await fixture.SetDefaultPhoneRegionAsync("GB");
        try
        {
            var (_, outcome) = await RunAsync(new SessionStart { Channel = SessionChannel.Voice, CallerPhoneNumber = $"07700 900{subscriber}" }, Automatic);

            Assert.Equal((NodeExit.Match, contactId), (outcome.Exit, outcome.Records.FirstOrDefault()?.RecordId));
            Assert.StartsWith($"FIND {{\"07700900{subscriber}\" OR \"447700900{subscriber}\"}} IN PHONE FIELDS", fixture.Salesforce.Searches.Last());
        }
        finally
        {
            await fixture.SetDefaultPhoneRegionAsync("US");
        }
    }

    [Fact]
    public async Task A_repeat_caller_dialling_another_extension_reuses_the_record_and_gets_this_calls_extension()
    {
        var (area, exchange, line) = NewNumber();
        var contactId = fixture.Salesforce.AddRecord("Contact", new JsonObject { ["LastName"] = "Switchboard" + line, ["Phone"] = $"+1 {area}-{exchange}-{line}" });
        var node = Automatic with { FreshLookupOnEachCall = false, DaysToGoBack = 3 };
        var (_, first) = await RunAsync(new SessionStart { Channel = SessionChannel.Voice, CallerPhoneNumber = $"tel:+1-{area}-{exchange}-{line};ext=11" }, node);
        var searches = fixture.Salesforce.Searches.Count;

        var (session, again) = await RunAsync(new SessionStart { Channel = SessionChannel.Voice, CallerPhoneNumber = $"({area}) {exchange}-{line} ext. 12" }, node);

        Assert.Equal((contactId, "11"), (first.Records.FirstOrDefault()?.RecordId, first.ExtraItemsSet.GetValueOrDefault("Salesforce.CallerExtension")));
        Assert.True(again.ReusedEarlierRecord);
        Assert.Equal(contactId, again.Records[0].RecordId);
        Assert.Equal(searches, fixture.Salesforce.Searches.Count);
        Assert.Equal("12", (await session.GetAsync()).ExtraItems["Salesforce.CallerExtension"]);
    }

    [Fact]
    public async Task With_fresh_lookup_off_a_caller_seen_within_the_days_is_not_looked_up_again()
    {
        var (area, exchange, line) = NewNumber();
        var contactId = fixture.Salesforce.AddRecord("Contact", new JsonObject { ["LastName"] = "Repeat" + line, ["Phone"] = $"{area}-{exchange}-{line}" });
        var node = Automatic with { FreshLookupOnEachCall = false, DaysToGoBack = 3 };
        await RunAsync(new SessionStart { Channel = SessionChannel.Voice, CallerPhoneNumber = $"{area}{exchange}{line}" }, node);
        var searches = fixture.Salesforce.Searches.Count;

        var (_, again) = await RunAsync(new SessionStart { Channel = SessionChannel.Voice, CallerPhoneNumber = $"+1 {area} {exchange} {line}" }, node);

        Assert.True(again.ReusedEarlierRecord);
        Assert.Equal(contactId, again.Records[0].RecordId);
        Assert.Equal(searches, fixture.Salesforce.Searches.Count);
    }

    [Fact]
    public async Task Several_matches_pick_the_contact_and_offer_every_candidate()
    {
        var (area, exchange, line) = NewNumber();
        var phone = $"({area}) {exchange}-{line}";
        var accountId = fixture.Salesforce.AddRecord("Account", new JsonObject { ["Name"] = "Switchboard " + line, ["Phone"] = phone });
        var contactId = fixture.Salesforce.AddRecord("Contact", new JsonObject { ["LastName"] = "Household" + line, ["Phone"] = phone, ["AccountId"] = accountId });

        var (session, outcome) = await RunAsync(new SessionStart { Channel = SessionChannel.Voice, CallerPhoneNumber = phone }, Automatic);

        Assert.Equal([contactId, accountId], outcome.Records.Select(r => r.RecordId));
        Assert.Equal("Switchboard " + line, (await session.GetAsync()).ExtraItems["Salesforce.AccountName"]);
        Assert.Equal(contactId, (await session.GetAsync()).LinkedRecord!.RecordId);
    }

    [Fact]
    public async Task No_record_and_salesforce_down_take_the_no_match_exit_with_the_reason()
    {
        var (area, exchange, line) = NewNumber();
        var call = new SessionStart { Channel = SessionChannel.Voice, CallerPhoneNumber = $"{area}{exchange}{line}" };

        var (_, none) = await RunAsync(call, Automatic);
        Assert.Equal(NodeExit.NoMatch, none.Exit);
        Assert.Contains("No salesforce contact or account", none.Reason);

        fixture.Salesforce.Down = true;
        try
        {
            var (_, down) = await RunAsync(call, Automatic);
            Assert.Equal(NodeExit.NoMatch, down.Exit);
            Assert.Contains("lookup failed", down.Reason);
        }
        finally
        {
            fixture.Salesforce.Down = false;
        }
    }

    [Fact]
    public async Task A_disabled_integration_takes_the_no_match_exit_without_calling_salesforce()
    {
        await fixture.ConfigureAsync(enabled: false);
        try
        {
            var requests = fixture.Salesforce.Requests.Count;
            var (_, outcome) = await RunAsync(new SessionStart { Channel = SessionChannel.Voice, CallerPhoneNumber = "4155550100" }, Automatic);
            Assert.Equal(NodeExit.NoMatch, outcome.Exit);
            Assert.Contains("disabled", outcome.Reason);
            Assert.Equal(requests, fixture.Salesforce.Requests.Count);
        }
        finally
        {
            await fixture.ConfigureAsync(enabled: true);
        }
    }

    [Fact]
    public async Task A_refused_refresh_token_marks_the_integration_as_needing_re_authorization()
    {
        var authorization = fixture.Grains.GetGrain<ICrmAuthorizationGrain>(IntegrationNames.Salesforce);
        fixture.Salesforce.RevokeRefreshToken();
        fixture.Salesforce.ExpireAccessTokens();
        try
        {
            var (_, outcome) = await RunAsync(new SessionStart { Channel = SessionChannel.Voice, CallerPhoneNumber = "4155550111" }, Automatic);

            Assert.Equal(NodeExit.NoMatch, outcome.Exit);
            var status = await authorization.GetStatusAsync();
            Assert.True(status.NeedsReauthorization);
            Assert.False(status.Authorized);
            Assert.Contains("invalid_grant", status.LastError);
        }
        finally
        {
            var again = await fixture.AuthorizeAsync();
            Assert.True(again.Authorized);
        }
    }

    private async Task<(ISessionGrain Session, NodeOutcome Outcome)> RunAsync(SessionStart start, IntegrationNode node)
    {
        var session = fixture.Grains.GetGrain<ISessionGrain>("sf-" + Guid.NewGuid().ToString("n"));
        await session.StartAsync(start);
        return (session, await session.RunNodeAsync(node));
    }

    private static (string Area, string Exchange, string Line) NewNumber() =>
        (Random.Shared.Next(201, 989).ToString(), Random.Shared.Next(201, 989).ToString(), Random.Shared.Next(1000, 9999).ToString());
}
