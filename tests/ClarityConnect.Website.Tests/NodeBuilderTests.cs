using System.Text.Json.Nodes;
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
/// <c>Parent__r.Name</c> field and two value boxes built, validated and tried; a Customer Lookup by phone tried (and one
/// against the Dataverse double); a bad free-form WHERE showing Salesforce's own error; the node library's save, load and
/// delete; axe on each state. The settings are put back after each test.
/// </summary>
public sealed class NodeBuilderTests(WebsiteFixture site) : BrowserTest(site), IAsyncLifetime
{
    private const string Gadget = WebsiteFixture.CustomObject;

    // How the telephony platform reads the JSON shown: the web defaults (camelCase) with enums as names, nothing unknown.
    private static readonly System.Text.Json.JsonSerializerOptions NodeJsonOptions = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    private SettingsSnapshot _before = null!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        _before = await SettingsSnapshot.TakeAsync(Site.Grains);
        await Site.ConfigureAndAuthorizeAsync(Site.SalesforceSettings());
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

        await OpenAdvancedLookupAsync(Gadget, "Status__c", "Parent__r.Name");
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

        var result = Page.GetByRole(AriaRole.Region, new() { Name = "Try node result" });
        await Click("Try node");
        await Expect(result).ToContainTextAsync("Single Result Found");
        await Expect(result.GetByRole(AriaRole.Row, new() { Name = "GadgetCompany" })).ToHaveTextAsync(new System.Text.RegularExpressions.Regex($"Initech {tag}$"));

        await Select("How to handle Multiple Results Found", nameof(MultipleResultsPolicy.TakeAllResultsCsv));
        await Click("Try node");

        await Expect(result).ToContainTextAsync("Multiple Results Found");
        await Expect(result.GetByRole(AriaRole.Row, new() { Name = "GadgetCompany" })).ToContainTextAsync($"Initech {tag},Initech {tag}");
        await Expect(result).ToContainTextAsync($"SELECT Id, Status__c, Parent__r.Name FROM {Gadget} WHERE Code__c = '{tag}' AND Status__c = 'Open'");
        await Page.AssertAccessibleAsync(Site.ScreenshotDirectory, "nodes-advanced-tried");

        // The JSON shown is what RunNodeAsync takes, and a real session takes the exit Try node showed.
        var json = await Page.GetByLabel("Node definition JSON").InnerTextAsync();
        var node = System.Text.Json.JsonSerializer.Deserialize<AdvancedLookupNode>(json, NodeJsonOptions)!;
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

        // The definition shown is copied as is by its copy button.
        await Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Copy JSON", Exact = true }).ClickAsync();
        await Expect(Page.Locator("[data-copy-result=node-json]")).ToHaveTextAsync("Copied.");
        Assert.Equal((await Page.GetByLabel("Node definition JSON").InnerTextAsync()).Trim(),
            await Page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
    }

    [Fact]
    public async Task Extra_item_name_and_search_parameter_appear_when_extra_item_key_is_selected_as_the_manual_says()
    {
        await Select("Lookup Type", nameof(LookupType.AutomaticDetection));
        await Expect(Field("Extra Item Name")).ToBeHiddenAsync();
        await Expect(Field("Search Parameter")).ToBeHiddenAsync();

        await Select("Lookup Type", nameof(LookupType.ExtraItemKey));
        await Expect(Field("Extra Item Name")).ToBeVisibleAsync();
        await Expect(Field("Search Parameter")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_builder_is_used_with_the_keyboard_alone()
    {
        var line = Random.Shared.Next(1000, 9999).ToString();
        var contactId = Site.Salesforce.AddRecord("Contact", new JsonObject { ["LastName"] = "Keys" + line, ["Phone"] = $"(718) 555-{line}" });

        await Field("Caller phone number").FocusAsync();
        await Page.Keyboard.TypeAsync("718555" + line);
        await Page.Keyboard.PressAsync("Tab");
        await Expect(Field("Caller ID name")).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Tab");
        await Page.Keyboard.PressAsync("Tab");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Try node", Exact = true })).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Enter");

        await Expect(Page.GetByRole(AriaRole.Region, new() { Name = "Try node result" }).GetByRole(AriaRole.Row, new() { Name = "Salesforce.RecordId" }))
            .ToContainTextAsync(contactId);
    }

    [Fact]
    public async Task A_free_form_where_salesforce_rejects_shows_its_error_next_to_the_where()
    {
        await OpenAdvancedLookupAsync(Gadget, "Code__c");
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
        await Site.ConfigureAndAuthorizeAsync(Site.DynamicsSettings());
        var tag = Guid.NewGuid().ToString("n")[..8];
        var accountId = Site.Dataverse.AddRecord("account", new JsonObject { ["name"] = "Globex " + tag });
        Site.Dataverse.AddRecord("contact", new JsonObject
        {
            ["lastname"] = "Dyn" + tag, ["fullname"] = "Dyn" + tag, ["jobtitle"] = "Buyer", ["_parentcustomerid_value"] = accountId.ToString(),
        });

        await Select("CRM", IntegrationNames.Dynamics);
        await OpenAdvancedLookupAsync("contact", "jobtitle", "parentcustomerid_account.name");
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
        await OpenAdvancedLookupAsync(Gadget, "Code__c");
        await Select("WHERE", "Code__c");
        await Field("Value").FillAsync("{{Code}}");
        var queries = Site.Salesforce.Queries.Count;
        await Click("Validate Query");

        await Expect(Page.Locator("#value-box-problem")).ToHaveTextAsync("No value box for {{Code}}: click Generate Value Boxes and enter a value.");
        Assert.Equal(queries, Site.Salesforce.Queries.Count);
        await Click("Generate Value Boxes");
        await Expect(Field("Value for {{Code}}")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_node_saved_under_a_name_round_trips_through_the_library_grain_and_loads_back_into_the_builder()
    {
        var name = "repeat-callers-" + Guid.NewGuid().ToString("n")[..6];
        await Page.GetByLabel("Perform Fresh Lookup on Each Call?", new() { Exact = true }).UncheckAsync();
        await Field("Days to go back").FillAsync("7");
        await Click("Save Node");
        await Expect(Page.Locator("#library-problem")).ToHaveTextAsync("The node was not saved: name is required.");

        await Field("Node name").FillAsync(name);
        await Click("Save Node");
        await Expect(Page.GetByRole(AriaRole.Row, new() { Name = name })).ToContainTextAsync("Customer Lookup");

        var json = await Page.GetByLabel("Node definition JSON").InnerTextAsync();
        var saved = (await Site.Grains.GetGrain<INodeLibraryGrain>(IntegrationNames.Salesforce).ListAsync()).Single(n => n.Name == name);
        Assert.Equal(System.Text.Json.JsonSerializer.Deserialize<CustomerLookupNode>(json, NodeJsonOptions), saved.Node);
        Assert.Equal(new CustomerLookupNode { NodeId = "lookup", Integration = IntegrationNames.Salesforce, FreshLookupOnEachCall = false, DaysToGoBack = 7 }, saved.Node);

        await Page.GotoAsync("nodes");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Load " + name, Exact = true }).ClickAsync();
        await Expect(Field("Days to go back")).ToHaveValueAsync("7");
        await Expect(Page.GetByLabel("Perform Fresh Lookup on Each Call?", new() { Exact = true })).Not.ToBeCheckedAsync();
        await Page.AssertAccessibleAsync(Site.ScreenshotDirectory, "nodes-library");
    }

    [Fact]
    public async Task A_dynamics_customer_lookup_by_phone_is_tried_showing_the_exit_the_extra_items_and_the_query_sent()
    {
        await Site.ConfigureAndAuthorizeAsync(Site.DynamicsSettings());
        var line = Random.Shared.Next(1000, 9999).ToString();
        // Dataverse compares phone text as stored: the record holds a punctuated national spelling, the caller an international one.
        var contactId = Site.Dataverse.AddRecord("contact", new JsonObject
        {
            ["lastname"] = "Dial" + line, ["fullname"] = "Dana Dial" + line, ["telephone1"] = $"(917) 555-{line}",
        });

        await Select("CRM", IntegrationNames.Dynamics);
        await Select("Node type", NodeBuilderForm.CustomerLookup);
        await Click("Open node");
        await Select("Lookup Type", nameof(LookupType.AutomaticDetection));
        await Field("Caller phone number").FillAsync("+1 917 555 " + line);
        await Click("Try node");

        var result = Page.GetByRole(AriaRole.Region, new() { Name = "Try node result" });
        await Expect(result.GetByRole(AriaRole.Definition).First).ToHaveTextAsync("Match");
        await Expect(result.GetByRole(AriaRole.Row, new() { Name = "Dynamics.RecordId" })).ToContainTextAsync(contactId.ToString());
        await Expect(result.GetByRole(AriaRole.Row, new() { Name = "Dynamics.Name" })).ToContainTextAsync("Dana Dial" + line);
        await Expect(result.GetByRole(AriaRole.Row, new() { Name = "Dynamics.Phone" })).ToContainTextAsync($"(917) 555-{line}");
        await Expect(result.GetByLabel("Query sent").First).ToContainTextAsync("contacts?");
        await Expect(result).ToContainTextAsync($"telephone1 eq '(917) 555-{line}'");
        await Expect(result).ToContainTextAsync($"mobilephone eq '+1917555{line}'");
        await Page.AssertAccessibleAsync(Site.ScreenshotDirectory, "nodes-dynamics-customer-tried");

        // The JSON shown is what RunNodeAsync takes: a real session with that caller takes the same exit to the same record.
        var node = System.Text.Json.JsonSerializer.Deserialize<CustomerLookupNode>(await Page.GetByLabel("Node definition JSON").InnerTextAsync(), NodeJsonOptions)!;
        Assert.Equal(IntegrationNames.Dynamics, node.Integration);
        var session = Site.Grains.GetGrain<ISessionGrain>("nodes-dyn-" + Guid.NewGuid().ToString("n"));
        await session.StartAsync(new SessionStart { Channel = SessionChannel.Voice, CallerPhoneNumber = "+1 917 555 " + line });
        var outcome = await session.RunNodeAsync(node);
        Assert.Equal(NodeExit.Match, outcome.Exit);
        Assert.Equal(contactId.ToString(), outcome.ExtraItemsSet["Dynamics.RecordId"]);
    }

    [Fact]
    public async Task A_saved_node_is_deleted_by_its_delete_button_through_the_library_grain()
    {
        var library = Site.Grains.GetGrain<INodeLibraryGrain>(IntegrationNames.Salesforce);
        var doomed = "old-lookup-" + Guid.NewGuid().ToString("n")[..6];
        var kept = "kept-lookup-" + Guid.NewGuid().ToString("n")[..6];
        foreach (var name in new[] { doomed, kept })
        {
            await library.SaveAsync(name, new CustomerLookupNode { NodeId = "lookup", Integration = IntegrationNames.Salesforce });
        }

        await Page.GotoAsync("nodes");
        var delete = Page.GetByRole(AriaRole.Button, new() { Name = "Delete " + doomed, Exact = true });
        await delete.ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"The node {doomed} was deleted.");
        await Expect(delete).ToHaveCountAsync(0);
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Delete " + kept, Exact = true })).ToBeVisibleAsync();
        var names = (await library.ListAsync()).Select(n => n.Name).ToList();
        Assert.DoesNotContain(doomed, names);
        Assert.Contains(kept, names);
        await Page.AssertAccessibleAsync(Site.ScreenshotDirectory, "nodes-library-deleted");
    }

    // "Primary Salesforce Object", Show Fields, then Add Field for each field; a related field after Get Extended Properties.
    private async Task OpenAdvancedLookupAsync(string primaryObject, params string[] fields)
    {
        await Select("Node type", NodeBuilderForm.AdvancedLookup);
        await Click("Open node");
        await Select("Primary Salesforce Object", primaryObject);
        await Click("Show Fields");
        foreach (var field in fields)
        {
            if (field.Contains('.'))
            {
                await Click("Get Extended Properties");
            }

            await Select("Fields", field);
            await Click("Add Field");
        }
    }

    private ILocator Field(string label) => Page.GetByLabel(label, new() { Exact = true });

    private Task Select(string label, string value) => Field(label).SelectOptionAsync(new SelectOptionValue { Value = value });

    private Task Click(string name) => Page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true }).ClickAsync();
}
