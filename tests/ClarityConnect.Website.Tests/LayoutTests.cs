using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClarityConnect.Website.Tests;

/// <summary>The main menu, the security headers and the accessibility of every page of the site, in Chromium.</summary>
public sealed class LayoutTests(WebsiteFixture site) : BrowserTest(site)
{
    [Fact]
    public async Task The_maintenance_menu_is_reachable_and_usable_by_keyboard()
    {
        await Page.SignInAsync();

        for (var tabs = 0; tabs < 10 && await FocusedTextAsync() != "Maintenance"; tabs++)
        {
            await Page.Keyboard.PressAsync("Tab");
        }

        Assert.Equal("Maintenance", await FocusedTextAsync());
        var link = Page.GetByRole(AriaRole.Navigation, new() { Name = "Main menu" }).GetByRole(AriaRole.Link, new() { Name = "System Configuration" });
        await Expect(link).ToBeHiddenAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Expect(link).ToBeVisibleAsync();
        await Page.Keyboard.PressAsync("Tab");
        Assert.Equal("System Configuration", await FocusedTextAsync());
        await Page.Keyboard.PressAsync("Enter");

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "System Configuration Settings" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_maintenance_menu_opens_on_hover()
    {
        await Page.SignInAsync();
        var nav = Page.GetByRole(AriaRole.Navigation, new() { Name = "Main menu" });
        var link = nav.GetByRole(AriaRole.Link, new() { Name = "System Configuration" });
        await Expect(link).ToBeHiddenAsync();

        await nav.GetByText("Maintenance", new() { Exact = true }).HoverAsync();
        await Expect(link).ToBeVisibleAsync();
        await link.ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "System Configuration Settings" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task EveryPage_has_the_main_menu()
    {
        await Page.SignInAsync();
        var sessionId = await SitePages.StartSessionAsync(Site.Grains);
        // The sign-in page has its own layout, without the menu.
        foreach (var path in SitePages.All.Where(p => p.Name != "signin").Select(p => p.PathWith(sessionId)))
        {
            await Page.GotoAsync(path);
            var nav = Page.GetByRole(AriaRole.Navigation, new() { Name = "Main menu" });
            await Expect(nav.GetByText("Maintenance", new() { Exact = true })).ToBeVisibleAsync();
            foreach (var name in new[] { "Sessions", "Exports", "Call-flow nodes" })
            {
                await Expect(nav.GetByRole(AriaRole.Link, new() { Name = name, Exact = true })).ToBeVisibleAsync();
            }

            await Expect(nav.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true })).ToBeVisibleAsync();
        }
    }

    [Theory]
    [InlineData("maintenance/system-configuration", "sessions", "Sessions")]
    [InlineData("sessions/no-such-session", "exports", "Exports")]
    public async Task A_nested_page_loads_the_style_sheet_and_its_menu_leads_to_the_site_pages(string path, string target, string heading)
    {
        await Page.SignInAsync();
        var styleSheet = Page.WaitForResponseAsync(r => r.Url.EndsWith("/site.css", StringComparison.Ordinal));
        await Page.GotoAsync(path);

        Assert.Equal(200, (await styleSheet).Status);
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Main menu" }).GetByRole(AriaRole.Link, new() { Name = heading, Exact = true }).ClickAsync();

        await Expect(Page).ToHaveURLAsync(new Uri(new Uri(Page.Url), "/" + target).ToString());
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = heading, Exact = true })).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData("signin")]
    [InlineData("sessions")]
    public async Task SitePages_send_the_security_headers(string path)
    {
        if (path != "signin")
        {
            await Page.SignInAsync();
        }

        var response = await Page.GotoAsync(path);

        var headers = await response!.AllHeadersAsync();
        var csp = headers["content-security-policy"];
        Assert.Contains("frame-ancestors 'none'", csp);
        // Only the site's own script file (the Key icon); never inline script.
        Assert.Contains("script-src 'self';", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", headers["x-content-type-options"]);
        Assert.Equal("same-origin", headers["referrer-policy"]);
    }

    [Fact]
    public async Task The_sign_inPage_has_no_serious_accessibility_violations()
    {
        await Page.GotoAsync("signin");
        await Page.AssertAccessibleAsync(Site.ScreenshotDirectory, "signin-signed-out");

        await Page.SubmitKeyAsync("not-the-admin-key");
        await Expect(Page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await Page.AssertAccessibleAsync(Site.ScreenshotDirectory, "signin-wrong-key");
    }

    private async Task<string?> FocusedTextAsync() => await Page.EvaluateAsync<string?>("() => document.activeElement?.textContent?.trim()");

}
