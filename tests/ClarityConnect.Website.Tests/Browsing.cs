using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClarityConnect.Website.Tests;

/// <summary>What the tests do in the browser, as an administrator would.</summary>
internal static class Browsing
{
    /// <summary>The name of the site's sign-in cookie.</summary>
    public const string SessionCookie = "ClarityConnect.Admin";

    /// <summary>Types <paramref name="key"/> into the sign-in page's "Admin API key" field and clicks "Sign in".</summary>
    public static async Task SubmitKeyAsync(this IPage page, string key)
    {
        await page.GetByLabel("Admin API key", new() { Exact = true }).FillAsync(key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
    }

    /// <summary>Opens the sign-in page, signs in with the right key and waits for the home page.</summary>
    public static async Task SignInAsync(this IPage page)
    {
        await page.GotoAsync("signin");
        await page.SubmitKeyAsync(WebsiteFixture.ApiKey);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "ClarityConnect administration" })).ToBeVisibleAsync();
    }

    /// <summary>The site's session cookie in <paramref name="context"/>, or null.</summary>
    public static async Task<BrowserContextCookiesResult?> SessionCookieAsync(this IBrowserContext context) =>
        (await context.CookiesAsync()).SingleOrDefault(c => c.Name == SessionCookie);

    /// <summary>Saves a screenshot of <paramref name="page"/> as <paramref name="name"/> and runs axe on it: no serious or critical violation.</summary>
    public static Task AssertAccessibleAsync(this IPage page, WebsiteFixture site, string name) =>
        page.AssertAccessibleAsync(site.ScreenshotDirectory, name);
}
