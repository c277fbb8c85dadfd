using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClarityConnect.Website.Tests;

/// <summary>Every page of the site (<see cref="SitePages"/>) is accessible, and the layout is usable by keyboard alone, in Chromium.</summary>
public sealed class AccessibilityTests(WebsiteFixture site) : BrowserTest(site)
{
    /// <summary>The layout's links and buttons in the order Tab reaches them (the Maintenance menu closed).</summary>
    private static readonly string[] LayoutTabOrder = ["ClarityConnect", "Maintenance", "Sessions", "Exports", "Call-flow nodes", "Sign out"];

    [Theory]
    [MemberData(nameof(SitePages.Names), MemberType = typeof(SitePages))]
    public async Task EveryPage_has_no_serious_or_critical_axe_violations(string name)
    {
        var page = SitePages.Named(name);
        var sessionId = page.Path.Contains(SitePages.RealSession, StringComparison.Ordinal) ? await SitePages.StartSessionAsync(Site.Grains) : "";
        await Page.SignInAsync();

        var response = await Page.GotoAsync(page.PathWith(sessionId));

        Assert.Equal(page.Status, response!.Status);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = page.Heading, Level = 1 })).ToBeVisibleAsync();
        await Page.AssertAccessibleAsync(Site.ScreenshotDirectory, page.Name);
    }

    [Fact]
    public async Task Tab_reaches_every_link_and_button_of_the_layout_in_order_and_Enter_opens_System_Configuration()
    {
        await Page.SignInAsync();
        await Page.GotoAsync("sessions");

        var reached = new List<string?>();
        foreach (var _ in LayoutTabOrder)
        {
            await Page.Keyboard.PressAsync("Tab");
            reached.Add(await FocusedNameAsync());
        }

        Assert.Equal(LayoutTabOrder, reached);

        // Back to Maintenance (Shift+Tab past Sign out, Call-flow nodes, Exports, Sessions), open it with Enter, then
        // Tab to its System Configuration entry and follow it with Enter.
        for (var back = 0; back < 4; back++)
        {
            await Page.Keyboard.PressAsync("Shift+Tab");
        }

        Assert.Equal("Maintenance", await FocusedNameAsync());
        await Page.Keyboard.PressAsync("Enter");
        await Page.Keyboard.PressAsync("Tab");
        Assert.Equal("System Configuration", await FocusedNameAsync());
        await Page.Keyboard.PressAsync("Enter");

        await Expect(Page).ToHaveURLAsync(new Uri(Site.Address, "maintenance/system-configuration").ToString());
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "System Configuration Settings", Level = 1 })).ToBeVisibleAsync();
    }

    /// <summary>The text of the focused element, as a screen reader names a link, summary or button.</summary>
    private async Task<string?> FocusedNameAsync() =>
        await Page.EvaluateAsync<string?>("() => document.activeElement?.textContent?.trim()");
}
