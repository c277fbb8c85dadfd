using ClarityConnect.Abstractions.Crm;
using ClarityConnect.Abstractions.Nodes;
using ClarityConnect.Abstractions.Sessions;

namespace ClarityConnect.Crm.Tests.Scenarios;

/// <summary>
/// A Customer Lookup in the call flow finds the caller's record by phone, SIP address, caller ID name or an extra item,
/// and takes the no-match exit with the reason when it cannot. What the CRM received is checked in its own query
/// language by the abstract assertions each CRM's class implements.
/// </summary>
public abstract class CustomerLookupScenarios<TFixture>(TFixture fixture) : CrmScenario<TFixture>(fixture)
    where TFixture : CrmClusterFixture
{
    /// <summary>The search parameter naming the account number (<c>object.field</c> as the CRM spells them).</summary>
    protected abstract string AccountNumberParameter { get; }

    /// <summary>The search parameter naming a contact's last name.</summary>
    protected abstract string LastNameParameter { get; }

    /// <summary>A value that would change the meaning of an exact-match query if it were pasted into it.</summary>
    protected abstract string HostileValue { get; }

    /// <summary>Checks that the CRM was searched for the number <paramref name="area"/> <paramref name="exchange"/> <paramref name="line"/>, held as <c>area-exchange-line</c> in a contact's mobile phone.</summary>
    protected abstract void AssertSearchedForPhone(string area, string exchange, string line);

    /// <summary>Checks that the last search was for the number alone, the extension <paramref name="extension"/> left out.</summary>
    protected abstract void AssertSearchedWithoutExtension(string area, string exchange, string line, string extension);

    /// <summary>Checks the exact query an account number lookup for <paramref name="number"/> sent.</summary>
    protected abstract void AssertSearchedForAccountNumber(string number);

    /// <summary>Checks the exact query <see cref="HostileValue"/> as a last name sent: one escaped literal.</summary>
    protected abstract void AssertSearchedForHostileLastName();

    [Theory]
    [InlineData("+1 ({0}) {1}-{2}")]
    [InlineData("{0}{1}{2}")]
    [InlineData("+1{0}{1}{2}")]
    public async Task A_caller_is_found_by_phone_in_any_common_format(string format)
    {
        var (area, exchange, line) = NewNumber();
        var contactId = Crm.AddContact(new CrmContact("Phone" + line) { FirstName = "Dana", MobilePhone = $"{area}-{exchange}-{line}", Email = $"dana{line}@example.com" });

        var (session, outcome) = await RunAsync(new SessionStart { Channel = SessionChannel.Voice, CallerPhoneNumber = string.Format(format, area, exchange, line) }, Automatic);

        Assert.Equal(NodeExit.Match, outcome.Exit);
        Assert.Equal(contactId, outcome.Records[0].RecordId);
        AssertSearchedForPhone(area, exchange, line);
        var items = (await session.GetAsync()).ExtraItems;
        Assert.Equal((contactId, Crm.ContactType, $"Dana Phone{line}", $"dana{line}@example.com"),
            (Item(items, "RecordId"), Item(items, "ObjectType"), Item(items, "Name"), Item(items, "Email")));
        Assert.Equal(Crm.RecordUrl(Crm.ContactType, contactId).ToString(), Item(items, "RecordUrl"));
    }

    [Fact]
    public async Task A_caller_is_found_by_sip_address_and_by_caller_id_name()
    {
        var line = NewNumber().Line;
        var bySip = Crm.AddContact(new CrmContact("Sip" + line) { Email = $"sip{line}@example.org" });
        var byName = Crm.AddContact(new CrmContact("Name" + line) { FirstName = "Quincy" });
        var byAccountName = Crm.AddAccount(new CrmAccount($"Ursula Firm{line}"));

        var (_, sip) = await RunAsync(new SessionStart { Channel = SessionChannel.Chat, SipAddress = $"sip:sip{line}@example.org;transport=tls" }, Automatic);
        var (_, name) = await RunAsync(new SessionStart { Channel = SessionChannel.Voice, CallerIdName = $"Quincy Name{line}" }, Automatic);
        var (_, accountName) = await RunAsync(new SessionStart { Channel = SessionChannel.Voice, CallerIdName = $"Ursula Firm{line}" }, Automatic);

        Assert.Equal((NodeExit.Match, bySip), (sip.Exit, sip.Records[0].RecordId));
        Assert.Equal((NodeExit.Match, byName), (name.Exit, name.Records[0].RecordId));
        Assert.Equal((NodeExit.Match, byAccountName, Crm.AccountType), (accountName.Exit, accountName.Records[0].RecordId, accountName.Records[0].ObjectType));
    }

    [Fact]
    public async Task A_caller_is_found_by_an_extra_item_in_the_given_field()
    {
        var number = "ACME-" + NewNumber().Line;
        var accountId = Crm.AddAccount(new CrmAccount("Acme " + number) { AccountNumber = number });
        var node = new CustomerLookupNode { NodeId = "by-account", Integration = Crm.Integration, LookupType = LookupType.ExtraItemKey, ExtraItemName = "CustomerAccount", SearchParameter = AccountNumberParameter };

        var (_, outcome) = await RunAsync(new SessionStart { Channel = SessionChannel.Voice, ExtraItems = new Dictionary<string, string> { ["CustomerAccount"] = number } }, node);

        Assert.Equal((NodeExit.Match, accountId, Crm.AccountType), (outcome.Exit, outcome.Records[0].RecordId, outcome.Records[0].ObjectType));
        AssertSearchedForAccountNumber(number);
    }

    [Fact]
    public async Task A_hostile_extra_item_stays_a_literal_in_the_exact_query_text()
    {
        // A record the hostile text would match if it became part of the query.
        Crm.AddContact(new CrmContact("Bystander"));
        var node = new CustomerLookupNode { NodeId = "hostile", Integration = Crm.Integration, LookupType = LookupType.ExtraItemKey, ExtraItemName = "Caller", SearchParameter = LastNameParameter };

        var (_, outcome) = await RunAsync(new SessionStart { Channel = SessionChannel.Voice, ExtraItems = new Dictionary<string, string> { ["Caller"] = HostileValue } }, node);

        Assert.Equal(NodeExit.NoMatch, outcome.Exit);
        AssertSearchedForHostileLastName();
    }

    [Theory]
    [InlineData("+1 ({0}) {1}-{2} ext. 204", "204")]
    [InlineData("tel:+1-{0}-{1}-{2};ext=204", "204")]
    [InlineData("+1 {0} {1} {2} x 204", "204")]
    [InlineData("+1 {0} {1} {2} x 99", "99")]
    public async Task A_number_with_an_extension_is_found_by_the_number_and_the_extension_becomes_an_extra_item(string format, string extension)
    {
        var (area, exchange, line) = NewNumber();
        var contactId = Crm.AddContact(new CrmContact("Ext" + line) { Phone = $"+1 {area} {exchange} {line}" });

        var (session, outcome) = await RunAsync(new SessionStart { Channel = SessionChannel.Voice, CallerPhoneNumber = string.Format(format, area, exchange, line) }, Automatic);

        Assert.Equal((NodeExit.Match, contactId), (outcome.Exit, outcome.Records.FirstOrDefault()?.RecordId));
        AssertSearchedWithoutExtension(area, exchange, line, extension);
        Assert.Equal(extension, Item((await session.GetAsync()).ExtraItems, "CallerExtension"));
    }

    [Fact]
    public async Task With_fresh_lookup_off_a_caller_seen_within_the_days_is_not_looked_up_again()
    {
        var (area, exchange, line) = NewNumber();
        var contactId = Crm.AddContact(new CrmContact("Repeat" + line) { Phone = $"({area}) {exchange}-{line}" });
        var node = Automatic with { FreshLookupOnEachCall = false, DaysToGoBack = 3 };
        await RunAsync(new SessionStart { Channel = SessionChannel.Voice, CallerPhoneNumber = $"{area}{exchange}{line}" }, node);
        var queries = Crm.QueriesReceived.Count;

        var (_, again) = await RunAsync(new SessionStart { Channel = SessionChannel.Voice, CallerPhoneNumber = $"+1 {area} {exchange} {line}" }, node);

        Assert.True(again.ReusedEarlierRecord);
        Assert.Equal(contactId, again.Records[0].RecordId);
        Assert.Equal(queries, Crm.QueriesReceived.Count);
    }

    [Fact]
    public async Task Several_matches_pick_the_contact_and_offer_every_candidate()
    {
        var (area, exchange, line) = NewNumber();
        var phone = $"({area}) {exchange}-{line}";
        var accountId = Crm.AddAccount(new CrmAccount("Switchboard " + line) { Phone = phone });
        var contactId = Crm.AddContact(new CrmContact("Household" + line) { Phone = phone, AccountId = accountId });

        var (session, outcome) = await RunAsync(new SessionStart { Channel = SessionChannel.Voice, CallerPhoneNumber = phone }, Automatic);

        Assert.Equal([contactId, accountId], outcome.Records.Select(r => r.RecordId));
        Assert.Equal("Switchboard " + line, Item((await session.GetAsync()).ExtraItems, "AccountName"));
        Assert.Equal(contactId, (await session.GetAsync()).LinkedRecord!.RecordId);
    }

    [Fact]
    public async Task No_record_and_an_outage_take_the_no_match_exit_with_the_reason()
    {
        var (area, exchange, line) = NewNumber();
        var call = new SessionStart { Channel = SessionChannel.Voice, CallerPhoneNumber = $"{area}{exchange}{line}" };

        var (_, none) = await RunAsync(call, Automatic);
        Assert.Equal(NodeExit.NoMatch, none.Exit);
        Assert.Contains($"No {Crm.Integration} contact or account", none.Reason);

        Crm.Down = true;
        try
        {
            var (_, down) = await RunAsync(call, Automatic);
            Assert.Equal(NodeExit.NoMatch, down.Exit);
            Assert.Contains("lookup failed", down.Reason);
        }
        finally
        {
            Crm.Down = false;
        }
    }

    [Fact]
    public async Task A_disabled_integration_takes_the_no_match_exit_without_calling_the_crm()
    {
        await Fixture.ConfigureAsync(enabled: false);
        try
        {
            var requests = Crm.RequestCount;
            var (_, outcome) = await RunAsync(new SessionStart { Channel = SessionChannel.Voice, CallerPhoneNumber = "4155550100" }, Automatic);
            Assert.Equal(NodeExit.NoMatch, outcome.Exit);
            Assert.Contains("disabled", outcome.Reason);
            Assert.Equal(requests, Crm.RequestCount);
        }
        finally
        {
            await Fixture.ConfigureAsync(enabled: true);
        }
    }

    [Fact]
    public async Task A_refused_refresh_token_marks_the_integration_as_needing_re_authorization()
    {
        var authorization = Fixture.Grains.GetGrain<ICrmAuthorizationGrain>(Crm.Integration);
        Crm.RevokeAuthorization();
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
            Assert.True((await Fixture.AuthorizeAsync()).Authorized);
        }
    }

    [Fact]
    public async Task The_client_credentials_flow_works_without_a_refresh_token()
    {
        await Fixture.ConfigureAsync(enabled: true, clientCredentials: true);
        try
        {
            var line = Random.Shared.Next(1_000_000, 9_999_999).ToString();
            var contactId = Crm.AddContact(new CrmContact("Service" + line) { Phone = $"(718) {line[..3]}-{line[3..]}" });

            var (_, outcome) = await RunAsync(new SessionStart { Channel = SessionChannel.Voice, CallerPhoneNumber = $"718{line}" }, new CustomerLookupNode { NodeId = "lookup", Integration = Crm.Integration });

            Assert.Equal((NodeExit.Match, contactId), (outcome.Exit, outcome.Records[0].RecordId));
            Assert.Contains("client_credentials", Crm.GrantTypes);
        }
        finally
        {
            await Fixture.ConfigureAsync(enabled: true);
        }
    }
}
