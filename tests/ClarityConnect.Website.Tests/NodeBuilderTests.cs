using System.Text.Json.Nodes;
using System.Web;
using ClarityConnect.Abstractions.Crm;
using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Abstractions.Nodes;
using ClarityConnect.Abstractions.Sessions;
using ClarityConnect.AdminApi.Website.Components.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClarityConnect.Website.Tests;

/// <summary>
/// The node builder (/nodes) in Chromium against the Salesforce double: an Advanced Lookup with a nested
/// <c>Parent__r.Name</c> field and two value boxes built, validated and tried; a Customer Lookup by phone tried; a bad
/// free-form WHERE showing Salesforce's own error; axe on each state. The settings are put back after each test.
/// </summary>
public sealed class NodeBuilderTests(WebsiteFixture site) : BrowserTest(site), IAsyncLifetime
{
    private const string Gadget = "Gadget__c";
    private static readonly Uri RedirectUri = new("https://admin.example.com/api/integrations/salesforce/callback");

    private SettingsSnapshot _before = null!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        _before = await SettingsSnapshot.TakeAsync(Site.Grains);
        // The same describe in every test: the silo caches describes for minutes, as against a real org.
        Site.Salesforce.DefineObject(Gadget, label: "Gadget");
        Site.Salesforce.DefineField(Gadget, "Code__c");
        Site.Salesforce.DefineField(Gadget, "Status__c");
        Site.Salesforce.DefineField(Gadget, "Parent__c", "reference", ["Account"], "Parent__r");
        await ConfigureSalesforceAsync();
        await Page.SignInAsync();
        await Page.GotoAsync("nodes");
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await _before.RestoreAsync(Site.Grains);
        await DisposeAsync();
    }

    [Fact]
    public async Task An_advanced_lookup_with_a_nested_field_and_two_value_boxes_is_built_validated_and_tried_as_RunNodeAsync_runs_it()
    {
        var tag = Guid.NewGuid().ToString("n")[..8];
        var accountId = Site.Salesforce.AddRecord("Account", new JsonObject { ["Name"] = "Initech " + tag });
        foreach (var status in new[] { "Open", "Open" })
        {
            Site.Salesforce.AddRecord(Gadget, new JsonObject { ["Code__c"] = tag, ["Status__c"] = status, ["Parent__c"] = accountId });
        }

        await Select("Node type", NodeBuilderForm.AdvancedLookup);
        await Click("Open node");
        await Select("Primary Salesforce Object", Gadget);
        await Click("Show Fields");
        await Select("Fields", "Status__c");
        await Click("Add Field");
        await Click("Get Extended Properties");
        await Select("Fields", "Parent__r.Name");
        await Click("Add Field");
        await Field("Extra item for Status__c").FillAsync("GadgetStatus");
        await Field("Extra item for Parent__r.Name").FillAsync("GadgetCompany");
        await Page.GetByLabel("Free-form WHERE clause", new() { Exact = true }).CheckAsync();
        await Field("Free-form WHERE").FillAsync("Code__c = '{{Code}}' AND Status__c = '{{Status}}'");
        await Click("Generate Value Boxes");
        await Field("Value for {{Code}}").FillAsync(tag);
        await Field("Value for {{Status}}").FillAsync("Open");
        await Click("Validate Query");

        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Query successful: The query is valid and returned 2 record(s).");
        await Page.AssertAccessibleAsync(Site.ScreenshotDirectory, "nodes-advanced-validated");

        await Select("How to handle Multiple Results Found", nameof(MultipleResultsPolicy.TakeAllResultsCsv));
        await Click("Try node");

        var result = Page.GetByRole(AriaRole.Region, new() { Name = "Try node result" });
        await Expect(result).ToContainTextAsync("Multiple Results Found");
        await Expect(result.GetByRole(AriaRole.Row, new() { Name = "GadgetCompany" })).ToContainTextAsync($"Initech {tag},Initech {tag}");
        await Expect(result).ToContainTextAsync($"SELECT Id, Status__c, Parent__r.Name FROM {Gadget} WHERE Code__c = '{tag}' AND Status__c = 'Open'");
        await Page.AssertAccessibleAsync(Site.ScreenshotDirectory, "nodes-advanced-tried");

        // The JSON shown is what RunNodeAsync takes, and a real session takes the exit Try node showed.
        var json = await Page.GetByLabel("Node definition JSON").InnerTextAsync();
        var node = System.Text.Json.JsonSerializer.Deserialize<AdvancedLookupNode>(json, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)
        {
            Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
        })!;
        var session = Site.Grains.GetGrain<ISessionGrain>("nodes-" + tag);
        await session.StartAsync(new SessionStart { Channel = SessionChannel.Voice, ExtraItems = new Dictionary<string, string> { ["Code"] = tag, ["Status"] = "Open" } });
        var outcome = await session.RunNodeAsync(node);
        Assert.Equal(NodeExit.MultipleResults, outcome.Exit);
        Assert.Equal($"Initech {tag},Initech {tag}", outcome.ExtraItemsSet["GadgetCompany"]);
    }

    [Fact]
    public async Task A_customer_lookup_by_phone_is_tried_showing_the_exit_the_extra_items_and_the_search()
    {
        var line = Random.Shared.Next(1000, 9999).ToString();
        var contactId = Site.Salesforce.AddRecord("Contact", new JsonObject { ["LastName"] = "Builder" + line, ["Phone"] = $"(646) 555-{line}" });

        await Select("Node type", NodeBuilderForm.CustomerLookup);
        await Select("Lookup Type", nameof(LookupType.AutomaticDetection));
        await Field("Caller phone number").FillAsync("+1 646 555 " + line);
        await Click("Try node");

        var result = Page.GetByRole(AriaRole.Region, new() { Name = "Try node result" });
        await Expect(result.GetByRole(AriaRole.Definition).First).ToHaveTextAsync("Match");
        await Expect(result.GetByRole(AriaRole.Row, new() { Name = "Salesforce.RecordId" })).ToContainTextAsync(contactId);
        await Expect(result).ToContainTextAsync($"FIND {{\"646555{line}\" OR \"1646555{line}\"}} IN PHONE FIELDS");
        await Page.AssertAccessibleAsync(Site.ScreenshotDirectory, "nodes-customer-tried");
    }

    [Fact]
    public async Task A_free_form_where_salesforce_rejects_shows_its_error_next_to_the_where()
    {
        await Select("Node type", NodeBuilderForm.AdvancedLookup);
        await Click("Open node");
        await Select("Primary Salesforce Object", Gadget);
        await Click("Show Fields");
        await Select("Fields", "Code__c");
        await Click("Add Field");
        await Page.GetByLabel("Free-form WHERE clause", new() { Exact = true }).CheckAsync();
        await Field("Free-form WHERE").FillAsync("Code__c = = 'x'");
        await Click("Validate Query");

        var where = Field("Free-form WHERE");
        await Expect(where).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(where).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex("MALFORMED_QUERY"));
        await Page.AssertAccessibleAsync(Site.ScreenshotDirectory, "nodes-bad-where");
    }

    [Fact]
    public async Task A_dynamics_advanced_lookup_with_a_related_column_is_built_validated_and_tried_through_the_same_builder()
    {
        await ConfigureDynamicsAsync();
        var tag = Guid.NewGuid().ToString("n")[..8];
        var accountId = Site.Dataverse.AddRecord("account", new JsonObject { ["name"] = "Globex " + tag });
        Site.Dataverse.AddRecord("contact", new JsonObject
        {
            ["lastname"] = "Dyn" + tag, ["fullname"] = "Dyn" + tag, ["jobtitle"] = "Buyer", ["_parentcustomerid_value"] = accountId.ToString(),
        });

        await Select("CRM", IntegrationNames.Dynamics);
        await Select("Node type", NodeBuilderForm.AdvancedLookup);
        await Click("Open node");
        await Select("Primary Salesforce Object", "contact");
        await Click("Show Fields");
        await Select("Fields", "jobtitle");
        await Click("Add Field");
        await Click("Get Extended Properties");
        await Select("Fields", "parentcustomerid_account.name");
        await Click("Add Field");
        await Field("Extra item for parentcustomerid_account.name").FillAsync("Company");
        await Page.GetByLabel("Free-form WHERE clause", new() { Exact = true }).CheckAsync();
        await Field("Free-form WHERE").FillAsync("lastname eq '{{Surname}}' and jobtitle eq '{{Title}}'");
        await Click("Generate Value Boxes");
        await Field("Value for {{Surname}}").FillAsync("Dyn" + tag);
        await Field("Value for {{Title}}").FillAsync("Buyer");
        await Click("Validate Query");
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("returned 1 record(s)");

        await Click("Try node");
        var result = Page.GetByRole(AriaRole.Region, new() { Name = "Try node result" });
        await Expect(result).ToContainTextAsync("Single Result Found");
        await Expect(result.GetByRole(AriaRole.Row, new() { Name = "Company" })).ToContainTextAsync("Globex " + tag);
        await Expect(result).ToContainTextAsync($"$filter=lastname eq 'Dyn{tag}' and jobtitle eq 'Buyer'");
        await Page.AssertAccessibleAsync(Site.ScreenshotDirectory, "nodes-dynamics-tried");
    }

    [Fact]
    public async Task A_placeholder_without_a_value_box_is_shown_next_to_the_value_boxes_and_nothing_is_sent()
    {
        await Select("Node type", NodeBuilderForm.AdvancedLookup);
        await Click("Open node");
        await Select("Primary Salesforce Object", Gadget);
        await Click("Show Fields");
        await Select("Fields", "Code__c");
        await Click("Add Field");
        await Select("WHERE", "Code__c");
        await Field("Value").FillAsync("{{Code}}");
        var queries = Site.Salesforce.Queries.Count;
        await Click("Validate Query");

        await Expect(Page.Locator("#value-box-problem")).ToHaveTextAsync("No value box for {{Code}}: click Generate Value Boxes and enter a value.");
        Assert.Equal(queries, Site.Salesforce.Queries.Count);
        await Click("Generate Value Boxes");
        await Expect(Field("Value for {{Code}}")).ToBeVisibleAsync();
    }

    private ILocator Field(string label) => Page.GetByLabel(label, new() { Exact = true });

    private Task Select(string label, string value) => Field(label).SelectOptionAsync(new SelectOptionValue { Value = value });

    private Task Click(string name) => Page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true }).ClickAsync();

    private async Task ConfigureDynamicsAsync()
    {
        var config = Site.Grains.GetGrain<IIntegrationConfigGrain>(IntegrationNames.Dynamics);
        await config.UpdateAsync(new DynamicsSettings
        {
            Enabled = true,
            ClientId = Site.Dataverse.ClientId,
            ClientKey = Site.Dataverse.ClientSecret,
            InstanceUrl = Site.Dataverse.BaseUrl.ToString().TrimEnd('/'),
            AuthorizationUrl = Site.Dataverse.AuthorizationUrl.ToString(),
            TokenUrl = Site.Dataverse.TokenUrl.ToString(),
        }, (await config.GetAsync()).Version);
        var authorization = Site.Grains.GetGrain<ICrmAuthorizationGrain>(IntegrationNames.Dynamics);
        var url = await authorization.BeginAsync(new Uri("https://admin.example.com/api/integrations/dynamics/callback"));
        var query = HttpUtility.ParseQueryString(url.Query);
        await authorization.CompleteAsync(query["state"]!, Site.Dataverse.IssueAuthorizationCode(query["code_challenge"], new Uri(query["redirect_uri"]!)));
    }

    private async Task ConfigureSalesforceAsync()
    {
        var config = Site.Grains.GetGrain<IIntegrationConfigGrain>(IntegrationNames.Salesforce);
        await config.UpdateAsync(new SalesforceSettings
        {
            Enabled = true,
            ConsumerKey = Site.Salesforce.ClientId,
            ConsumerSecret = Site.Salesforce.ClientSecret,
            LoginUrl = Site.Salesforce.BaseUrl.ToString(),
        }, (await config.GetAsync()).Version);
        var authorization = Site.Grains.GetGrain<ICrmAuthorizationGrain>(IntegrationNames.Salesforce);
        var url = await authorization.BeginAsync(RedirectUri);
        var query = HttpUtility.ParseQueryString(url.Query);
        await authorization.CompleteAsync(query["state"]!, Site.Salesforce.IssueAuthorizationCode(query["code_challenge"], new Uri(query["redirect_uri"]!)));
    }
}
