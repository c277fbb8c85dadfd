using System.Text.Json.Nodes;
using ClarityConnect.Abstractions.Crm;
using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Abstractions.Nodes;
using ClarityConnect.Abstractions.Sessions;

namespace ClarityConnect.Dynamics.Tests;

[Collection(DynamicsCollection.Name)]
public sealed class DynamicsCustomerLookupTests(DynamicsClusterFixture fixture)
{
    private static readonly CustomerLookupNode Automatic = new() { NodeId = "lookup", Integration = IntegrationNames.Dynamics, AutoOpenOnAccept = true };

    [Theory]
    [InlineData("+1 ({0}) {1}-{2}")]
    [InlineData("{0}{1}{2}")]
    [InlineData("+1{0}{1}{2}")]
    public async Task Dynamics_finds_a_caller_by_any_phone_column_in_any_common_format(string format)
    {
        var (area, exchange, line) = NewNumber();
        var contactId = fixture.Dataverse.AddRecord("contact", new JsonObject
        {
            ["firstname"] = "Dana", ["lastname"] = "Phone" + line, ["fullname"] = $"Dana Phone{line}", ["mobilephone"] = $"{area}-{exchange}-{line}", ["emailaddress1"] = $"dana{line}@example.com",
        });

        var (session, outcome) = await RunAsync(new SessionStart { Channel = SessionChannel.Voice, CallerPhoneNumber = string.Format(format, area, exchange, line) }, Automatic);

        Assert.Equal(NodeExit.Match, outcome.Exit);
        Assert.Equal(contactId.ToString(), outcome.Records[0].RecordId);
        Assert.Contains(fixture.Dataverse.Filters, f => f.Contains($"mobilephone eq '{area}-{exchange}-{line}'", StringComparison.Ordinal));
        var items = (await session.GetAsync()).ExtraItems;
        Assert.Equal((contactId.ToString(), "contact", $"Dana Phone{line}", $"dana{line}@example.com"),
            (items["Dynamics.RecordId"], items["Dynamics.ObjectType"], items["Dynamics.Name"], items["Dynamics.Email"]));
        Assert.Equal($"{fixture.Dataverse.BaseUrl.ToString().TrimEnd('/')}/main.aspx?etn=contact&pagetype=entityrecord&id={contactId}", items["Dynamics.RecordUrl"]);
    }

    [Theory]
    [InlineData("+44 7700 900{0}", "+44 7700 900{0}", "US")]
    [InlineData("+44 7700 900{0}", "0044 7700 900{0}", "US")]
    [InlineData("+44 7700 900{0}", "07700 900{0}", "GB")]
    [InlineData("07700 900{0}", "+447700900{0}", "US")]
    [InlineData("07700900{0}", "tel:+44-7700-900{0}", "US")]
    [InlineData("447700900{0}", "+44 (0)7700 900{0}", "GB")]
    [InlineData("+33 1 23 45 67 89", "01 23 45 67 89", "FR")]
    public async Task Dynamics_finds_a_number_stored_in_an_ordinary_national_or_international_format(string stored, string caller, string region)
    {
        var subscriber = Random.Shared.Next(100, 999).ToString();
        var contactId = fixture.Dataverse.AddRecord("contact", new JsonObject
        {
            ["lastname"] = "Abroad" + subscriber, ["fullname"] = "Abroad" + subscriber, ["telephone1"] = string.Format(stored, subscriber),
        });
        await fixture.SetDefaultPhoneRegionAsync(region);
        try
        {
            var (_, outcome) = await RunAsync(new SessionStart { Channel = SessionChannel.Voice, CallerPhoneNumber = string.Format(caller, subscriber) }, Automatic);

            Assert.Equal(NodeExit.Match, outcome.Exit);
            Assert.Contains(contactId.ToString(), outcome.Records.Select(r => r.RecordId));
        }
        finally
        {
            await fixture.SetDefaultPhoneRegionAsync("US");
        }
    }

    [Fact]
    public async Task Dynamics_finds_a_number_stored_without_its_area_code_only_when_no_record_holds_the_full_number()
    {
        var (area, exchange, line) = NewNumber();
        var local = fixture.Dataverse.AddRecord("contact", new JsonObject { ["lastname"] = "Local" + line, ["fullname"] = "Local" + line, ["mobilephone"] = $"{exchange}-{line}" });

        var (_, alone) = await RunAsync(new SessionStart { Channel = SessionChannel.Voice, CallerPhoneNumber = $"+1 {area} {exchange} {line}" }, Automatic);
        var full = fixture.Dataverse.AddRecord("account", new JsonObject { ["name"] = "Full " + line, ["telephone2"] = $"+1 {area}-{exchange}-{line}" });
        var (_, both) = await RunAsync(new SessionStart { Channel = SessionChannel.Voice, CallerPhoneNumber = $"({area}) {exchange}-{line}" }, Automatic);

        Assert.Equal(NodeExit.Match, alone.Exit);
        Assert.Equal([local.ToString()], alone.Records.Select(r => r.RecordId));
        Assert.Equal([full.ToString()], both.Records.Select(r => r.RecordId));
        Assert.Contains(fixture.Dataverse.Filters, f => f.Contains($"mobilephone eq '{exchange}-{line}'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dynamics_finds_a_number_dialled_with_an_extension_and_sets_the_extension_item()
    {
        var (area, exchange, line) = NewNumber();
        var contactId = fixture.Dataverse.AddRecord("contact", new JsonObject { ["lastname"] = "Ext" + line, ["fullname"] = "Ext" + line, ["telephone1"] = $"+1 {area} {exchange} {line}" });

        var (session, outcome) = await RunAsync(new SessionStart { Channel = SessionChannel.Voice, CallerPhoneNumber = $"+1 {area} {exchange} {line} x 99" }, Automatic);

        Assert.Equal((NodeExit.Match, contactId.ToString()), (outcome.Exit, outcome.Records.FirstOrDefault()?.RecordId));
        Assert.Equal("99", (await session.GetAsync()).ExtraItems["Dynamics.CallerExtension"]);
        Assert.DoesNotContain(fixture.Dataverse.Filters, f => f.Contains($"{line}99", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dynamics_finds_a_caller_by_sip_address_and_by_caller_id_name()
    {
        var line = NewNumber().Line;
        var bySip = fixture.Dataverse.AddRecord("contact", new JsonObject { ["lastname"] = "Sip" + line, ["fullname"] = "Sip" + line, ["emailaddress2"] = $"sip{line}@example.org" });
        var byName = fixture.Dataverse.AddRecord("account", new JsonObject { ["name"] = $"Quincy Name{line}" });

        var (_, sip) = await RunAsync(new SessionStart { Channel = SessionChannel.Chat, SipAddress = $"sip:sip{line}@example.org" }, Automatic);
        var (_, name) = await RunAsync(new SessionStart { Channel = SessionChannel.Voice, CallerIdName = $"Quincy Name{line}" }, Automatic);

        Assert.Equal((NodeExit.Match, bySip.ToString()), (sip.Exit, sip.Records[0].RecordId));
        Assert.Equal((NodeExit.Match, byName.ToString(), "account"), (name.Exit, name.Records[0].RecordId, name.Records[0].ObjectType));
    }

    [Fact]
    public async Task Dynamics_finds_a_caller_by_an_extra_item_in_the_given_column()
    {
        var number = "ACME-" + NewNumber().Line;
        var accountId = fixture.Dataverse.AddRecord("account", new JsonObject { ["name"] = "Acme " + number, ["accountnumber"] = number });
        var node = new CustomerLookupNode { NodeId = "by-account", Integration = IntegrationNames.Dynamics, LookupType = LookupType.ExtraItemKey, ExtraItemName = "CustomerAccount", SearchParameter = "account.accountnumber" };

        var (_, outcome) = await RunAsync(new SessionStart { Channel = SessionChannel.Voice, ExtraItems = new Dictionary<string, string> { ["CustomerAccount"] = number } }, node);

        Assert.Equal((NodeExit.Match, accountId.ToString(), "account"), (outcome.Exit, outcome.Records[0].RecordId, outcome.Records[0].ObjectType));
        Assert.Equal($"accountnumber eq '{number}'", fixture.Dataverse.Filters.Last());
    }

    [Fact]
    public async Task Dynamics_keeps_a_hostile_extra_item_a_literal_in_the_exact_filter()
    {
        fixture.Dataverse.AddRecord("contact", new JsonObject { ["lastname"] = "Bystander", ["fullname"] = "Bystander" });
        const string hostile = "O'Brien' or lastname ne '+&(x)";
        var node = new CustomerLookupNode { NodeId = "hostile", Integration = IntegrationNames.Dynamics, LookupType = LookupType.ExtraItemKey, ExtraItemName = "Caller", SearchParameter = "contact.lastname" };

        var (_, outcome) = await RunAsync(new SessionStart { Channel = SessionChannel.Voice, ExtraItems = new Dictionary<string, string> { ["Caller"] = hostile } }, node);

        Assert.Equal(NodeExit.NoMatch, outcome.Exit);
        Assert.Equal("lastname eq 'O''Brien'' or lastname ne ''+&(x)'", fixture.Dataverse.Filters.Last());
    }

    [Fact]
    public async Task Dynamics_reuses_a_callers_record_within_the_days_when_fresh_lookup_is_off()
    {
        var (area, exchange, line) = NewNumber();
        var contactId = fixture.Dataverse.AddRecord("contact", new JsonObject { ["lastname"] = "Repeat" + line, ["fullname"] = "Repeat" + line, ["telephone1"] = $"({area}) {exchange}-{line}" });
        var node = Automatic with { FreshLookupOnEachCall = false, DaysToGoBack = 3 };
        await RunAsync(new SessionStart { Channel = SessionChannel.Voice, CallerPhoneNumber = $"{area}{exchange}{line}" }, node);
        var requests = fixture.Dataverse.Filters.Count;

        var (_, again) = await RunAsync(new SessionStart { Channel = SessionChannel.Voice, CallerPhoneNumber = $"+1 {area} {exchange} {line}" }, node);

        Assert.True(again.ReusedEarlierRecord);
        Assert.Equal(contactId.ToString(), again.Records[0].RecordId);
        Assert.Equal(requests, fixture.Dataverse.Filters.Count);
    }

    [Fact]
    public async Task Dynamics_picks_the_contact_of_several_matches_and_offers_every_candidate()
    {
        var (area, exchange, line) = NewNumber();
        var phone = $"({area}) {exchange}-{line}";
        var accountId = fixture.Dataverse.AddRecord("account", new JsonObject { ["name"] = "Switchboard " + line, ["telephone1"] = phone });
        var contactId = fixture.Dataverse.AddRecord("contact", new JsonObject { ["lastname"] = "Household" + line, ["fullname"] = "Household" + line, ["telephone2"] = phone, ["_parentcustomerid_value"] = accountId.ToString() });

        var (session, outcome) = await RunAsync(new SessionStart { Channel = SessionChannel.Voice, CallerPhoneNumber = phone }, Automatic);

        Assert.Equal([contactId.ToString(), accountId.ToString()], outcome.Records.Select(r => r.RecordId));
        Assert.Equal("Switchboard " + line, (await session.GetAsync()).ExtraItems["Dynamics.AccountName"]);
    }

    [Fact]
    public async Task Dynamics_takes_the_no_match_exit_for_no_record_and_for_an_outage()
    {
        var (area, exchange, line) = NewNumber();
        var call = new SessionStart { Channel = SessionChannel.Voice, CallerPhoneNumber = $"{area}{exchange}{line}" };

        var (_, none) = await RunAsync(call, Automatic);
        Assert.Equal(NodeExit.NoMatch, none.Exit);
        Assert.Contains("No dynamics contact or account", none.Reason);

        fixture.Dataverse.Down = true;
        try
        {
            var (_, down) = await RunAsync(call, Automatic);
            Assert.Equal(NodeExit.NoMatch, down.Exit);
            Assert.Contains("lookup failed", down.Reason);
        }
        finally
        {
            fixture.Dataverse.Down = false;
        }
    }

    [Fact]
    public async Task Dynamics_disabled_takes_the_no_match_exit_without_calling_dataverse()
    {
        await fixture.ConfigureAsync(enabled: false);
        try
        {
            var requests = fixture.Dataverse.Requests.Count;
            var (_, outcome) = await RunAsync(new SessionStart { Channel = SessionChannel.Voice, CallerPhoneNumber = "4155550100" }, Automatic);
            Assert.Equal(NodeExit.NoMatch, outcome.Exit);
            Assert.Contains("disabled", outcome.Reason);
            Assert.Equal(requests, fixture.Dataverse.Requests.Count);
        }
        finally
        {
            await fixture.ConfigureAsync(enabled: true);
        }
    }

    [Fact]
    public async Task Dynamics_marks_a_refused_refresh_token_as_needing_re_authorization()
    {
        var authorization = fixture.Grains.GetGrain<ICrmAuthorizationGrain>(IntegrationNames.Dynamics);
        fixture.Dataverse.RevokeRefreshTokens();
        fixture.Dataverse.ExpireAccessTokens();
        try
        {
            var (_, outcome) = await RunAsync(new SessionStart { Channel = SessionChannel.Voice, CallerPhoneNumber = "4155550111" }, Automatic);

            Assert.Equal(NodeExit.NoMatch, outcome.Exit);
            var status = await authorization.GetStatusAsync();
            Assert.True(status.NeedsReauthorization);
            Assert.Contains("invalid_grant", status.LastError);
        }
        finally
        {
            Assert.True((await fixture.AuthorizeAsync()).Authorized);
        }
    }

    [Fact]
    public async Task Dynamics_works_with_client_credentials_for_a_service_principal()
    {
        await fixture.ConfigureAsync(enabled: true, clientCredentials: true);
        try
        {
            var line = NewNumber().Line;
            var contactId = fixture.Dataverse.AddRecord("contact", new JsonObject { ["lastname"] = "Service" + line, ["fullname"] = $"Service Principal{line}" });
            var (_, outcome) = await RunAsync(new SessionStart { Channel = SessionChannel.Voice, CallerIdName = $"Service Principal{line}" }, Automatic);
            Assert.Equal((NodeExit.Match, contactId.ToString()), (outcome.Exit, outcome.Records[0].RecordId));
        }
        finally
        {
            await fixture.ConfigureAsync(enabled: true);
        }
    }

    private async Task<(ISessionGrain Session, NodeOutcome Outcome)> RunAsync(SessionStart start, IntegrationNode node)
    {
        var session = fixture.Grains.GetGrain<ISessionGrain>("dv-" + Guid.NewGuid().ToString("n"));
        await session.StartAsync(start);
        return (session, await session.RunNodeAsync(node));
    }

    private static (string Area, string Exchange, string Line) NewNumber() =>
        (Random.Shared.Next(201, 989).ToString(), Random.Shared.Next(201, 989).ToString(), Random.Shared.Next(1000, 9999).ToString());
}
