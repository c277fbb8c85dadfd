using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace ClarityConnect.Website.Tests;

/// <summary>Screenshots and axe checks of the Sessions, Session Details and Exports pages.</summary>
internal static class Accessibility
{
    /// <summary>Saves a full-page screenshot named <paramref name="name"/> and runs axe: no serious or critical violation.</summary>
    public static async Task AssertAccessibleAsync(this IPage page, WebsiteFixture site, string name)
    {
        await page.ScreenshotAsync(new() { Path = Path.Combine(site.ScreenshotDirectory, name + ".png"), FullPage = true });
        var results = await page.RunAxe();
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Html))}")
            .ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious));
    }
}
