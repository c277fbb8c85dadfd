using ClarityConnect.Abstractions.Integrations;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClarityConnect.Website.Tests;

/// <summary>
/// The Key icon on System Configuration, in Chromium against the Salesforce and Dataverse doubles: Salesforce's pop-up,
/// Dynamics' redirect, the CRMs' refusals, the OAuth callback URL with its copy button, and "Test connection".
/// </summary>
public sealed class KeyIconTests(WebsiteFixture site) : BrowserTest(site)
{
    private const string ConfigurationPage = "maintenance/system-configuration";

    [Fact]
    public async Task Salesforce_authorizes_in_a_pop_up_that_closes_and_the_page_shows_the_status_without_reload()
    {
        await ConfigureAsync(salesforceSecret: Site.Salesforce.ClientSecret);
        await OpenConfigurationAsync();
        var group = Group("Salesforce");
        await Page.EvaluateAsync("() => { window.notReloaded = true; }");

        var popup = await Page.RunAndWaitForPopupAsync(() =>
            group.GetByRole(AriaRole.Button, new() { Name = "Authorize Salesforce", Exact = true }).ClickAsync());

        await Expect(popup.GetByRole(AriaRole.Heading, new() { Name = "Salesforce authorized" })).ToBeVisibleAsync();
        await ClosedAsync(popup);
        var status = group.GetByRole(AriaRole.Status).Filter(new() { Has = Page.Locator("dl") });
        await Expect(status).ToContainTextAsync("Authorized");
        await Expect(status).ToContainTextAsync(Site.Salesforce.BaseUrl.AbsoluteUri.TrimEnd('/') + "/id/");
        await Expect(status.Locator("time")).ToHaveCountAsync(1);
        Assert.True(await Page.EvaluateAsync<bool>("() => window.notReloaded === true"), "The page was reloaded.");
    }

    [Fact]
    public async Task Salesforce_denied_in_the_pop_up_shows_the_CRMs_reason_there_and_on_the_page()
    {
        await ConfigureAsync(salesforceSecret: Site.Salesforce.ClientSecret);
        await OpenConfigurationAsync();
        var group = Group("Salesforce");
        Site.Salesforce.DeniesAuthorization = true;
        try
        {
            var popup = await Page.RunAndWaitForPopupAsync(() =>
                group.GetByRole(AriaRole.Button, new() { Name = "Authorize Salesforce", Exact = true }).ClickAsync());

            await Expect(popup.GetByRole(AriaRole.Heading, new() { Name = "Salesforce authorization failed" })).ToBeVisibleAsync();
            await Expect(popup.GetByRole(AriaRole.Status)).ToContainTextAsync("access_denied – end-user denied authorization");
            await Expect(group).ToContainTextAsync("access_denied – end-user denied authorization");
        }
        finally
        {
            Site.Salesforce.DeniesAuthorization = false;
        }
    }

    [Fact]
    public async Task A_wrong_consumer_secret_shows_Salesforces_invalid_client_even_after_an_earlier_authorization()
    {
        await ConfigureAsync(salesforceSecret: Site.Salesforce.ClientSecret);
        await OpenConfigurationAsync();
        var group = Group("Salesforce");
        var authorize = group.GetByRole(AriaRole.Button, new() { Name = "Authorize Salesforce", Exact = true });
        await ClosedAsync(await Page.RunAndWaitForPopupAsync(() => authorize.ClickAsync()));
        await Expect(group.GetByRole(AriaRole.Status).Filter(new() { Has = Page.Locator("dl") })).ToContainTextAsync("Authorized");
        await ConfigureAsync(salesforceSecret: "not-the-consumer-secret");

        var popup = await Page.RunAndWaitForPopupAsync(() => authorize.ClickAsync());

        // The earlier authorization stays, but this one failed: the pop-up must not say "authorized".
        await Expect(popup.GetByRole(AriaRole.Heading, new() { Name = "Salesforce authorization failed" })).ToBeVisibleAsync();
        await Expect(popup.GetByRole(AriaRole.Status)).ToContainTextAsync("invalid_client (invalid client credentials)");
        await Expect(group).ToContainTextAsync("invalid_client (invalid client credentials)");
        Assert.DoesNotContain("not-the-consumer-secret", await Page.ContentAsync());
    }

    [Fact]
    public async Task Dynamics_redirects_the_page_and_comes_back_to_it_authorized()
    {
        await ConfigureAsync(salesforceSecret: Site.Salesforce.ClientSecret);
        await OpenConfigurationAsync();

        await Group("Microsoft Dynamics").GetByRole(AriaRole.Button, new() { Name = "Authorize Microsoft Dynamics", Exact = true }).ClickAsync();

        await Expect(Page).ToHaveURLAsync(new Uri(Site.Address, ConfigurationPage).AbsoluteUri);
        var status = Group("Microsoft Dynamics").GetByRole(AriaRole.Status).Filter(new() { Has = Page.Locator("dl") });
        await Expect(status).ToContainTextAsync("Authorized");
        await Expect(status.Locator("time")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Dynamics_declined_consent_comes_back_with_Entra_IDs_reason()
    {
        await ConfigureAsync(salesforceSecret: Site.Salesforce.ClientSecret);
        await OpenConfigurationAsync();
        Site.Dataverse.DeniesAuthorization = true;
        try
        {
            await Group("Microsoft Dynamics").GetByRole(AriaRole.Button, new() { Name = "Authorize Microsoft Dynamics", Exact = true }).ClickAsync();

            await Expect(Page).ToHaveURLAsync(new Uri(Site.Address, ConfigurationPage).AbsoluteUri);
            await Expect(Group("Microsoft Dynamics")).ToContainTextAsync("access_denied – AADSTS65004: User declined to consent to access the app.");
        }
        finally
        {
            Site.Dataverse.DeniesAuthorization = false;
        }
    }

    [Fact]
    public async Task An_unknown_state_says_so_and_leads_back()
    {
        await Page.SignInAsync();

        var response = await Page.GotoAsync("api/integrations/salesforce/callback?state=forged&code=abc");

        Assert.Equal(400, response!.Status);
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("state: is unknown or was already used");
        Assert.Contains("script-src 'self'", (await response.AllHeadersAsync())["content-security-policy"]);
        await Page.GetByRole(AriaRole.Link, new() { Name = "Back to System Configuration" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "System Configuration Settings", Level = 1 })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_callback_url_is_shown_before_the_first_authorization_and_copied_to_the_clipboard()
    {
        await Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await ConfigureAsync(salesforceSecret: Site.Salesforce.ClientSecret);
        await OpenConfigurationAsync();
        var expected = new Uri(Site.Address, "api/integrations/dynamics/callback").AbsoluteUri;
        var group = Group("Microsoft Dynamics");
        await Expect(group.Locator("code")).ToHaveTextAsync(expected);

        await group.GetByRole(AriaRole.Button, new() { Name = "Copy callback URL", Exact = true }).ClickAsync();

        await Expect(group).ToContainTextAsync("Copied.");
        Assert.Equal(expected, await Page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
    }

    [Fact]
    public async Task Test_connection_shows_each_step_with_its_result()
    {
        // The connected app's run-as user (client credentials), so the test needs no Key icon authorization first.
        await ConfigureAsync(salesforceSecret: Site.Salesforce.ClientSecret, clientCredentials: true);
        await OpenConfigurationAsync();
        var group = Group("Salesforce");

        await group.GetByRole(AriaRole.Button, new() { Name = "Test connection", Exact = true }).ClickAsync();

        var steps = group.GetByRole(AriaRole.List, new() { Name = "Connection test steps" }).GetByRole(AriaRole.Listitem);
        await Expect(steps).ToHaveCountAsync(2);
        await Expect(steps.Nth(0)).ToContainTextAsync("settings: Passed. Enabled; signs in with client credentials.");
        await Expect(steps.Nth(1)).ToContainTextAsync("api: Passed. Signed in and called the API");
        await Expect(group).ToContainTextAsync("Connection test passed.");
    }

    [Fact]
    public async Task The_key_button_works_by_keyboard_and_the_page_has_no_serious_accessibility_violations()
    {
        await ConfigureAsync(salesforceSecret: Site.Salesforce.ClientSecret);
        await OpenConfigurationAsync();
        await Page.AssertAccessibleAsync(Site, "system-configuration-key-icon");

        var button = Group("Salesforce").GetByRole(AriaRole.Button, new() { Name = "Authorize Salesforce", Exact = true });
        for (var tabs = 0; tabs < 40 && !await button.EvaluateAsync<bool>("b => b === document.activeElement"); tabs++)
        {
            await Page.Keyboard.PressAsync("Tab");
        }

        Assert.True(await button.EvaluateAsync<bool>("b => b === document.activeElement"), "Tab never reached the Authorize Salesforce button.");
        var popup = await Page.RunAndWaitForPopupAsync(() => Page.Keyboard.PressAsync("Enter"));
        await ClosedAsync(popup);
        await Expect(Group("Salesforce").GetByRole(AriaRole.Status).Filter(new() { Has = Page.Locator("dl") })).ToContainTextAsync("Authorized");
        await Page.AssertAccessibleAsync(Site, "system-configuration-authorized");
    }

    [Fact]
    public async Task Without_script_the_key_button_still_authorizes_by_a_form_post_that_redirects()
    {
        await using var context = await Site.Browser.NewContextAsync(new() { BaseURL = Site.Address.ToString(), JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await ConfigureAsync(salesforceSecret: Site.Salesforce.ClientSecret);
        await page.SignInAsync();
        await page.GotoAsync(ConfigurationPage);

        await page.GetByRole(AriaRole.Button, new() { Name = "Authorize Salesforce", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Salesforce authorized" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to System Configuration" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Salesforce authorization" })).ToContainTextAsync("Authorized");
    }

    /// <summary>Waits until the pop-up closes itself (at most the page timeout).</summary>
    private static async Task ClosedAsync(IPage popup)
    {
        var closed = new TaskCompletionSource();
        popup.Close += (_, _) => closed.TrySetResult();
        if (!popup.IsClosed)
        {
            await closed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }
    }

    private ILocator Group(string crm) => Page.GetByRole(AriaRole.Region, new() { Name = crm + " authorization", Exact = true });

    private async Task OpenConfigurationAsync()
    {
        await Page.SignInAsync();
        await Page.GotoAsync(ConfigurationPage);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "System Configuration Settings", Level = 1 })).ToBeVisibleAsync();
    }

    /// <summary>Both CRMs against the doubles, and the platform's admin website base URL at the site, as an administrator would save them.</summary>
    private async Task ConfigureAsync(string salesforceSecret, bool clientCredentials = false)
    {
        await Site.SaveSettingsAsync(Site.SalesforceSettings() with { ConsumerSecret = salesforceSecret, UseClientCredentials = clientCredentials });
        await Site.SaveSettingsAsync(Site.DynamicsSettings());
        await Site.SaveSettingsAsync(new PlatformSettings { AdminWebsiteBaseUrl = Site.Address.AbsoluteUri });
    }
}
