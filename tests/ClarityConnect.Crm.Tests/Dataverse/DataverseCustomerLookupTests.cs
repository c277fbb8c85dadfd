using System.Text.Json.Nodes;
using ClarityConnect.Abstractions.Nodes;
using ClarityConnect.Abstractions.Sessions;
using ClarityConnect.Crm.Tests.Scenarios;

namespace ClarityConnect.Crm.Tests.Dataverse;

/// <summary>The shared Customer Lookup scenarios against Dataverse (checked in OData filters), and what only Dataverse's lookup does: a phone number is matched by the spellings a record may hold, as Dataverse has no phone search.</summary>
[Collection(DataverseCollection.Name)]
public sealed class DataverseCustomerLookupTests(DataverseClusterFixture fixture) : CustomerLookupScenarios<DataverseClusterFixture>(fixture)
{
    protected override string AccountNumberParameter => "account.accountnumber";

    protected override string LastNameParameter => "contact.lastname";

    protected override string HostileValue => "O'Brien' or lastname ne '+&(x)";

    protected override void AssertSearchedForPhone(string area, string exchange, string line) =>
        Assert.Contains(Fixture.Dataverse.Filters, f => f.Contains($"mobilephone eq '{area}-{exchange}-{line}'", StringComparison.Ordinal));

    protected override void AssertSearchedWithoutExtension(string area, string exchange, string line, string extension) =>
        Assert.DoesNotContain(Fixture.Dataverse.Filters, f => f.Contains($"{line}{extension}", StringComparison.Ordinal));

    protected override void AssertSearchedForAccountNumber(string number) =>
        Assert.Equal($"accountnumber eq '{number}'", Fixture.Dataverse.Filters.Last());

    protected override void AssertSearchedForHostileLastName() =>
        Assert.Equal("lastname eq 'O''Brien'' or lastname ne ''+&(x)'", Fixture.Dataverse.Filters.Last());

    [Theory]
    [InlineData("+44 7700 900{0}", "+44 7700 900{0}", "US")]
    [InlineData("+44 7700 900{0}", "0044 7700 900{0}", "US")]
    [InlineData("+44 7700 900{0}", "07700 900{0}", "GB")]
    [InlineData("07700 900{0}", "+447700900{0}", "US")]
    [InlineData("07700900{0}", "tel:+44-7700-900{0}", "US")]
    [InlineData("447700900{0}", "+44 (0)7700 900{0}", "GB")]
    [InlineData("+33 1 23 45 67 89", "01 23 45 67 89", "FR")]
    public async Task Dataverse_finds_a_number_stored_in_an_ordinary_national_or_international_format(string stored, string caller, string region)
    {
        var subscriber = Random.Shared.Next(100, 999).ToString();
        var contactId = Fixture.Dataverse.AddRecord("contact", new JsonObject
        {
            ["lastname"] = "Abroad" + subscriber, ["fullname"] = "Abroad" + subscriber, ["telephone1"] = string.Format(stored, subscriber),
        });
        await Fixture.SetDefaultPhoneRegionAsync(region);
        try
        {
            var (_, outcome) = await RunAsync(new SessionStart { Channel = SessionChannel.Voice, CallerPhoneNumber = string.Format(caller, subscriber) }, Automatic);

            Assert.Equal(NodeExit.Match, outcome.Exit);
            Assert.Contains(contactId.ToString(), outcome.Records.Select(r => r.RecordId));
        }
        finally
        {
            await Fixture.SetDefaultPhoneRegionAsync("US");
        }
    }

    [Fact]
    public async Task Dataverse_finds_a_number_stored_without_its_area_code_only_when_no_record_holds_the_full_number()
    {
        var (area, exchange, line) = NewNumber();
        var local = Fixture.Dataverse.AddRecord("contact", new JsonObject { ["lastname"] = "Local" + line, ["fullname"] = "Local" + line, ["mobilephone"] = $"{exchange}-{line}" });

        var (_, alone) = await RunAsync(new SessionStart { Channel = SessionChannel.Voice, CallerPhoneNumber = $"+1 {area} {exchange} {line}" }, Automatic);
        var full = Fixture.Dataverse.AddRecord("account", new JsonObject { ["name"] = "Full " + line, ["telephone2"] = $"+1 {area}-{exchange}-{line}" });
        var (_, both) = await RunAsync(new SessionStart { Channel = SessionChannel.Voice, CallerPhoneNumber = $"({area}) {exchange}-{line}" }, Automatic);

        Assert.Equal(NodeExit.Match, alone.Exit);
        Assert.Equal([local.ToString()], alone.Records.Select(r => r.RecordId));
        Assert.Equal([full.ToString()], both.Records.Select(r => r.RecordId));
        Assert.Contains(Fixture.Dataverse.Filters, f => f.Contains($"mobilephone eq '{exchange}-{line}'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_key_icon_names_the_application_and_the_environment_as_entra_id_names_no_user()
    {
        var status = await Fixture.AuthorizeAsync();

        Assert.True(status.Authorized);
        Assert.Equal($"{Fixture.Dataverse.ClientId} at {Fixture.Dataverse.BaseUrl.Host}", status.AuthorizedAs);
    }
}
