using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Abstractions.Listings;
using ClarityConnect.Abstractions.Sessions;
using ClarityConnect.AdminApi.Website.Components.Configuration;
using ClarityConnect.TestDoubles;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClarityConnect.Website.Tests;

/// <summary>
/// The System Configuration page in Chromium: view mode, the Edit icon, saving every integration through the API's
/// rules and optimistic concurrency, secrets never in the page, the disabled queues, accessibility and keyboard use.
/// Every test puts the settings back as it found them (the collection shares one cluster).
/// </summary>
public sealed class SystemConfigurationTests(WebsiteFixture site) : BrowserTest(site), IAsyncLifetime
{
    private const string PagePath = "maintenance/system-configuration";
    private const string DynamicsClientId = "6f9619ff-8b86-d011-b42d-00c04fc964ff";

    private SettingsSnapshot _before = null!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        _before = await SettingsSnapshot.TakeAsync(Site.Grains);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await _before.RestoreAsync(Site.Grains);
        await DisposeAsync();
    }

    /// <summary>The page's notice after a Save (the Key icon's status regions are status regions too).</summary>
    private ILocator SaveNotice => Page.Locator("p.notice[role=status]");

    [Fact]
    public async Task Every_integration_is_edited_and_saved_and_shown_in_view_mode_and_stored_in_the_grains()
    {
        await OpenThroughTheMenuAsync();
        await ClickEditAsync();

        await Check("Enable Salesforce Integration?");
        await Fill("Salesforce Consumer Key", "sf-consumer-key");
        await Fill("Salesforce Consumer Secret", "sf-secret-" + Guid.NewGuid().ToString("n"));
        await Check("Salesforce: Push Call Recordings?");
        await Check("Salesforce: Push Session Notes?");
        await Check("Salesforce: Push Session Transcript?");
        await Fill("Salesforce Login URL", "https://test.salesforce.com");
        await Fill("Salesforce API Version", "61.0");
        await Fill("Salesforce Request Timeout (seconds)", "30");
        await Fill("Salesforce Maximum Concurrent Requests", "5");

        await Check("Enable Microsoft Dynamics Integration?");
        await Fill("MS Dynamics ClientId", DynamicsClientId);
        await Fill("MS Dynamics Client Key", "dyn-key-" + Guid.NewGuid().ToString("n"));
        await Fill("MS Dynamics Instance URL", "https://contoso.crm.dynamics.com");
        await Fill("MS Dynamics Authorization URL", "https://login.microsoftonline.com/contoso/oauth2/v2.0/authorize");
        await Fill("MS Dynamics Token URL", "https://login.microsoftonline.com/contoso/oauth2/v2.0/token");
        await Check("MS Dynamics: Push Call Recordings?");
        await Check("MS Dynamics: Push Session Notes?");
        await Check("MS Dynamics: Push Session Transcript?");
        await Fill("MS Dynamics Request Timeout (seconds)", "20");
        await Fill("MS Dynamics Maximum Concurrent Requests", "4");
        await Check("MS Dynamics: Use Client Credentials Flow?");

        await Check("Enable CSI World Integration?");
        await Fill("Instance IP/DNS", "csi.example.com");
        await Fill("Unique Developer Key", "csi-dev-" + Guid.NewGuid().ToString("n"));
        await Fill("Instance FTP Hostname", "ftp.csi.example.com:2121");
        await Fill("Instance FTP Username", "clarity");
        await Fill("Instance FTP Password", "ftp-" + Guid.NewGuid().ToString("n"));
        await Check("Use SSL for FTP?");
        await Fill("FTPS Certificate Host Name", "ftp.csi.example.com");
        await Check("Send ACD Statistics?");
        await Check("Send Session Recordings?");
        await Check("Send Session Transcript?");
        await Check("Send Session & Agent Change Events?");

        await Fill("Administrative Website Base URL", "https://admin.contoso.example");
        await Fill("Recordings Root", "/var/lib/recordings");
        await Fill("Default Phone Region", "GB");

        await SaveAsync();

        await Expect(SaveNotice).ToHaveTextAsync("The settings were saved.");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Edit", Exact = true })).ToBeVisibleAsync();
        await ExpectShown("Enable Salesforce Integration?", "Yes");
        await ExpectShown("Salesforce Consumer Key", "sf-consumer-key");
        await ExpectShown("Salesforce Consumer Secret", "set");
        await ExpectShown("Salesforce API Version", "61.0");
        await ExpectShown("Salesforce Request Timeout (seconds)", "30");
        await ExpectShown("MS Dynamics Client Key", "set");
        await ExpectShown("MS Dynamics Token URL", "https://login.microsoftonline.com/contoso/oauth2/v2.0/token");
        await ExpectShown("MS Dynamics: Use Client Credentials Flow?", "Yes");
        await ExpectShown("Instance FTP Password", "set");
        await ExpectShown("Send Session & Agent Change Events?", "Yes");
        await ExpectShown("Default Phone Region", "GB");

        var salesforce = await ViewAsync(IntegrationNames.Salesforce);
        var sf = (SalesforceSettings)salesforce.Settings;
        Assert.True(sf is { Enabled: true, ConsumerKey: "sf-consumer-key", PushCallRecordings: true, PushSessionNotes: true, PushSessionTranscript: true,
            LoginUrl: "https://test.salesforce.com", ApiVersion: "61.0", RequestTimeoutSeconds: 30, MaxConcurrentRequests: 5, UseClientCredentials: false }, sf.ToString());
        Assert.Contains(SalesforceSettings.ConsumerSecretName, salesforce.SecretsSet);
        var dynamics = await ViewAsync(IntegrationNames.Dynamics);
        var dyn = (DynamicsSettings)dynamics.Settings;
        Assert.True(dyn is { Enabled: true, ClientId: DynamicsClientId, InstanceUrl: "https://contoso.crm.dynamics.com", PushCallRecordings: true,
            PushSessionNotes: true, PushSessionTranscript: true, RequestTimeoutSeconds: 20, MaxConcurrentRequests: 4, UseClientCredentials: true }, dyn.ToString());
        Assert.Contains(DynamicsSettings.ClientKeyName, dynamics.SecretsSet);
        var csi = await ViewAsync(IntegrationNames.Csi);
        var c = (CsiSettings)csi.Settings;
        Assert.True(c is { Enabled: true, InstanceAddress: "csi.example.com", FtpHostname: "ftp.csi.example.com:2121", FtpUsername: "clarity", UseSslForFtp: true,
            FtpTlsHostName: "ftp.csi.example.com", FtpTrustedCaCertificate: null, SendAcdStatistics: true, SendSessionRecordings: true, SendSessionTranscript: true,
            SendChangeEvents: true }, c.ToString());
        Assert.Equal([CsiSettings.DeveloperKeyName, CsiSettings.FtpPasswordName], csi.SecretsSet.Order());
        var platform = (PlatformSettings)(await ViewAsync(IntegrationNames.Platform)).Settings;
        Assert.Equal(new PlatformSettings { AdminWebsiteBaseUrl = "https://admin.contoso.example", RecordingsRoot = "/var/lib/recordings", DefaultPhoneRegion = "GB" }, platform);
    }

    [Fact]
    public async Task A_bad_value_is_shown_next_to_its_field_and_nothing_is_stored()
    {
        var versions = await VersionsAsync();
        await OpenEditModeAsync();

        await Fill("Salesforce Request Timeout (seconds)", "500");
        await Fill("MS Dynamics ClientId", "not-a-guid");
        await Fill("MS Dynamics Maximum Concurrent Requests", "ten");
        await Fill("Default Phone Region", "XX");
        await SaveAsync();

        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Nothing was saved");
        var timeout = Field("Salesforce Request Timeout (seconds)");
        await Expect(timeout).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(timeout).ToHaveAccessibleDescriptionAsync(new Regex("Salesforce Request Timeout \\(seconds\\) is 500; it must be from 1 to 120"));
        await Expect(timeout).ToHaveValueAsync("500");
        await Expect(Page.Locator("#salesforce-requestTimeoutSeconds-error")).ToBeVisibleAsync();
        await Expect(Field("MS Dynamics ClientId")).ToHaveAccessibleDescriptionAsync(new Regex("must be the application \\(client\\) id, a GUID"));
        await Expect(Field("MS Dynamics ClientId")).ToHaveValueAsync("not-a-guid");
        await Expect(Field("MS Dynamics Maximum Concurrent Requests")).ToHaveAccessibleDescriptionAsync(new Regex("must be a whole number"));
        await Expect(Field("Default Phone Region")).ToHaveAccessibleDescriptionAsync(new Regex("must be a two-letter region code"));
        await Expect(Field("Salesforce API Version")).Not.ToHaveAttributeAsync("aria-invalid", "true");
        await Page.AssertAccessibleAsync(Site.ScreenshotDirectory, "system-configuration-errors");
        // The summary's links lead to the fields in the same page (no reload that would lose the typed values).
        await Page.GetByRole(AriaRole.Alert).GetByRole(AriaRole.Link, new() { Name = "Default Phone Region must be a two-letter region code", Exact = false }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("#platform-defaultPhoneRegion$"));
        await Expect(timeout).ToHaveValueAsync("500");

        Assert.Equal(versions, await VersionsAsync());
    }

    [Fact]
    public async Task An_edit_that_lost_a_race_says_so_keeps_the_typed_values_and_a_second_save_replaces_the_other_change()
    {
        await OpenEditModeAsync();
        await Fill("Salesforce Consumer Key", "typed-key");
        await Fill("Salesforce API Version", "60.0");

        // Someone else saves the Salesforce settings (through the grain, as the REST API does) after the page loaded.
        var salesforce = Site.Grains.GetGrain<IIntegrationConfigGrain>(IntegrationNames.Salesforce);
        var current = await salesforce.GetAsync();
        await salesforce.UpdateAsync(((SalesforceSettings)current.Settings) with { ConsumerKey = "their-key" }, current.Version);
        await SaveAsync();

        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Someone else changed the Salesforce settings while you were editing them");
        await Expect(Field("Salesforce Consumer Key")).ToHaveValueAsync("typed-key");
        await Expect(Field("Salesforce API Version")).ToHaveValueAsync("60.0");
        Assert.Equal("their-key", ((SalesforceSettings)(await salesforce.GetAsync()).Settings).ConsumerKey);

        await SaveAsync();

        await Expect(SaveNotice).ToHaveTextAsync("The settings were saved.");
        var saved = (SalesforceSettings)(await salesforce.GetAsync()).Settings;
        Assert.Equal(("typed-key", "60.0"), (saved.ConsumerKey, saved.ApiVersion));
    }

    [Fact]
    public async Task Secrets_show_set_or_not_set_never_appear_in_the_page_and_are_replaced_or_cleared()
    {
        var stored = "stored-secret-" + Guid.NewGuid().ToString("n");
        var typed = "typed-secret-" + Guid.NewGuid().ToString("n");
        await UpdateAsync<SalesforceSettings>(IntegrationNames.Salesforce, s => s with { Enabled = false, ConsumerSecret = stored });
        await UpdateAsync<DynamicsSettings>(IntegrationNames.Dynamics, d => d with { Enabled = false, ClientKey = "" });

        await Page.SignInAsync();
        await Page.GotoAsync(PagePath);
        await ExpectShown("Salesforce Consumer Secret", "set");
        await ExpectShown("MS Dynamics Client Key", "not set");
        Assert.DoesNotContain(stored, await Page.ContentAsync());

        await ClickEditAsync();
        Assert.DoesNotContain(stored, await Page.ContentAsync());
        await Expect(Field("Salesforce Consumer Secret")).ToHaveValueAsync("");
        await Expect(Field("Salesforce Consumer Secret")).ToHaveAccessibleDescriptionAsync(new Regex("Currently set"));
        await Expect(Field("MS Dynamics Client Key")).ToHaveAccessibleDescriptionAsync(new Regex("Currently not set"));

        // A typed secret on a refused save is not sent back either.
        await Fill("MS Dynamics Client Key", typed);
        await Fill("Salesforce Request Timeout (seconds)", "0");
        await SaveAsync();
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Nothing was saved");
        Assert.DoesNotContain(typed, await Page.ContentAsync());
        await Expect(Field("MS Dynamics Client Key")).ToHaveValueAsync("");
        await Expect(Field("MS Dynamics Client Key")).ToHaveAccessibleDescriptionAsync(new Regex("type it again"));

        await Fill("Salesforce Request Timeout (seconds)", "10");
        await Fill("MS Dynamics Client Key", typed);
        await Check("Clear Salesforce Consumer Secret");
        await SaveAsync();

        await Expect(SaveNotice).ToHaveTextAsync("The settings were saved.");
        await ExpectShown("Salesforce Consumer Secret", "not set");
        await ExpectShown("MS Dynamics Client Key", "set");
        Assert.DoesNotContain(typed, await Page.ContentAsync());
        Assert.DoesNotContain(SalesforceSettings.ConsumerSecretName, (await ViewAsync(IntegrationNames.Salesforce)).SecretsSet);
        Assert.Contains(DynamicsSettings.ClientKeyName, (await ViewAsync(IntegrationNames.Dynamics)).SecretsSet);
    }

    [Fact]
    public async Task A_disabled_queue_is_chosen_from_the_queues_the_cluster_has_seen_or_typed()
    {
        var seen = "Seen-" + Guid.NewGuid().ToString("n")[..8];
        var other = "Typed-" + Guid.NewGuid().ToString("n")[..8];
        var session = Site.Grains.GetGrain<ISessionGrain>("web-queue-" + Guid.NewGuid().ToString("n"));
        await session.StartAsync(new SessionStart { Channel = SessionChannel.Voice, CallerPhoneNumber = "+1 415 555 0100" });
        await session.EnqueueAsync(seen);
        await Eventually.TrueAsync(async () => (await Site.Grains.GetGrain<IListingGrain>(0).ListQueuesAsync(1000)).Contains(seen), $"the listing has seen queue {seen}");

        await OpenEditModeAsync();
        var queues = Page.GetByRole(AriaRole.Group, new() { Name = "Disabled Queues (for ACD Statistics Upload)?", Exact = true });
        await queues.GetByLabel(seen, new() { Exact = true }).CheckAsync();
        await queues.GetByLabel("Other queues to disable (one per line)", new() { Exact = true }).FillAsync(other);
        await SaveAsync();

        await Expect(SaveNotice).ToHaveTextAsync("The settings were saved.");
        await Expect(Page.Locator("dt:text-is(\"Disabled Queues (for ACD Statistics Upload)?\") + dd")).ToContainTextAsync(seen);
        await Expect(Page.Locator("dt:text-is(\"Disabled Queues (for ACD Statistics Upload)?\") + dd")).ToContainTextAsync(other);
        var stored = ((CsiSettings)(await ViewAsync(IntegrationNames.Csi)).Settings).DisabledQueues;
        Assert.Contains(seen, stored);
        Assert.Contains(other, stored);

        // Edit mode offers the typed queue as a choice from now on, checked; unchecking it removes it.
        await ClickEditAsync();
        await Expect(queues.GetByLabel(other, new() { Exact = true })).ToBeCheckedAsync();
        await queues.GetByLabel(other, new() { Exact = true }).UncheckAsync();
        await SaveAsync();
        await Expect(SaveNotice).ToHaveTextAsync("The settings were saved.");
        Assert.DoesNotContain(other, ((CsiSettings)(await ViewAsync(IntegrationNames.Csi)).Settings).DisabledQueues);
    }

    [Fact]
    public async Task A_certificate_is_saved_and_a_later_save_leaves_the_untouched_group_alone()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var certificate = new CertificateRequest("CN=ClarityConnect test FTPS CA", key, HashAlgorithmName.SHA256)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var pem = certificate.ExportCertificatePem();
        await OpenEditModeAsync();

        await Fill("FTPS Trusted CA Certificate", pem);
        await SaveAsync();

        await Expect(SaveNotice).ToHaveTextAsync("The settings were saved.");
        var csi = await ViewAsync(IntegrationNames.Csi);
        Assert.Equal(pem, ((CsiSettings)csi.Settings).FtpTrustedCaCertificate);

        // The text area comes back with the browser's CRLF line ends: that is no change to the CSI settings.
        await ClickEditAsync();
        var region = ((PlatformSettings)(await ViewAsync(IntegrationNames.Platform)).Settings).DefaultPhoneRegion == "CA" ? "MX" : "CA";
        await Fill("Default Phone Region", region);
        await SaveAsync();

        await Expect(SaveNotice).ToHaveTextAsync("The settings were saved.");
        Assert.Equal(csi.Version, (await ViewAsync(IntegrationNames.Csi)).Version);
        Assert.Equal(region, ((PlatformSettings)(await ViewAsync(IntegrationNames.Platform)).Settings).DefaultPhoneRegion);
    }

    [Fact]
    public async Task View_and_edit_mode_have_no_serious_accessibility_violations()
    {
        await Page.SignInAsync();
        await Page.GotoAsync(PagePath);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Integration Settings", Level = 2 })).ToBeVisibleAsync();
        await Page.AssertAccessibleAsync(Site.ScreenshotDirectory, "system-configuration-view");

        await ClickEditAsync();
        foreach (var group in new[] { "Salesforce", "Microsoft Dynamics", "CSI World", "Platform" })
        {
            await Expect(Page.GetByRole(AriaRole.Group, new() { Name = group, Exact = true })).ToBeVisibleAsync();
        }

        await Page.AssertAccessibleAsync(Site.ScreenshotDirectory, "system-configuration-edit");
    }

    [Fact]
    public async Task One_setting_is_edited_and_saved_with_the_keyboard_alone()
    {
        await Page.SignInAsync();
        await Page.GotoAsync(PagePath);
        var region = ((PlatformSettings)(await ViewAsync(IntegrationNames.Platform)).Settings).DefaultPhoneRegion == "DE" ? "FR" : "DE";

        await TabToAsync("el => el.tagName === 'BUTTON' && el.textContent.trim() === 'Edit'");
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true })).ToBeVisibleAsync();
        await TabToAsync("el => el.id === 'platform-defaultPhoneRegion'");
        await Page.Keyboard.PressAsync("Control+A");
        await Page.Keyboard.TypeAsync(region);
        await TabToAsync("el => el.tagName === 'BUTTON' && el.textContent.trim() === 'Save'");
        await Page.Keyboard.PressAsync("Enter");

        await Expect(SaveNotice).ToHaveTextAsync("The settings were saved.");
        Assert.Equal(region, ((PlatformSettings)(await ViewAsync(IntegrationNames.Platform)).Settings).DefaultPhoneRegion);
    }

    [Fact]
    public void The_page_names_every_setting_of_every_integration_with_its_kind()
    {
        foreach (var group in SettingCatalogue.Groups)
        {
            var type = (Type)(group.Integration switch
            {
                IntegrationNames.Salesforce => typeof(SalesforceSettings),
                IntegrationNames.Dynamics => typeof(DynamicsSettings),
                IntegrationNames.Csi => typeof(CsiSettings),
                _ => typeof(PlatformSettings),
            });
            var secrets = ((IntegrationSettings)Activator.CreateInstance(type)!).GetSecrets().Keys.ToHashSet();
            var expected = type.GetProperties().Where(p => p.SetMethod is not null)
                .Select(p => (char.ToLowerInvariant(p.Name[0]) + p.Name[1..], Kind(p.PropertyType, secrets.Contains(p.Name))))
                .Order();
            var shown = group.Fields.Select(f => (f.Name, f.Kind == SettingKind.Multiline ? SettingKind.Text : f.Kind)).Order();
            Assert.Equal(expected, shown);
        }

        Assert.Equal(IntegrationNames.All.Order(), SettingCatalogue.Groups.Select(g => g.Integration).Order());
    }

    private static SettingKind Kind(Type type, bool secret) =>
        secret ? SettingKind.Secret
        : type == typeof(bool) ? SettingKind.Flag
        : type == typeof(int) ? SettingKind.Number
        : type == typeof(string) ? SettingKind.Text
        : SettingKind.Queues;

    private async Task OpenThroughTheMenuAsync()
    {
        await Page.SignInAsync();
        var nav = Page.GetByRole(AriaRole.Navigation, new() { Name = "Main menu" });
        await nav.GetByText("Maintenance", new() { Exact = true }).HoverAsync();
        await nav.GetByRole(AriaRole.Link, new() { Name = "System Configuration" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "System Configuration Settings", Level = 1 })).ToBeVisibleAsync();
    }

    private async Task OpenEditModeAsync()
    {
        await Page.SignInAsync();
        await Page.GotoAsync(PagePath);
        await ClickEditAsync();
    }

    private async Task ClickEditAsync()
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "Edit", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true })).ToBeVisibleAsync();
    }

    private Task SaveAsync() => Page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

    private ILocator Field(string label) => Page.GetByLabel(label, new() { Exact = true });

    private Task Fill(string label, string value) => Field(label).FillAsync(value);

    private Task Check(string label) => Field(label).CheckAsync();

    private Task ExpectShown(string label, string value) =>
        Expect(Page.Locator($"dt:text-is(\"{label}\") + dd")).ToHaveTextAsync(value);

    /// <summary>Presses Tab until the focused element satisfies <paramref name="predicate"/> (a JavaScript function of the element).</summary>
    private async Task TabToAsync(string predicate)
    {
        for (var tabs = 0; tabs < 200; tabs++)
        {
            if (await Page.EvaluateAsync<bool>($"() => {{ const el = document.activeElement; return !!el && ({predicate})(el); }}"))
            {
                return;
            }

            await Page.Keyboard.PressAsync("Tab");
        }

        Assert.Fail("Tab never reached the element " + predicate);
    }

    private Task<IntegrationConfigView> ViewAsync(string integration) => Site.Grains.GetGrain<IIntegrationConfigGrain>(integration).GetAsync();

    private async Task<long[]> VersionsAsync() => (await Task.WhenAll(IntegrationNames.All.Select(ViewAsync))).Select(v => v.Version).ToArray();

    private async Task UpdateAsync<T>(string integration, Func<T, T> change) where T : IntegrationSettings
    {
        var current = await ViewAsync(integration);
        await Site.Grains.GetGrain<IIntegrationConfigGrain>(integration).UpdateAsync(change((T)current.Settings), current.Version);
    }
}
