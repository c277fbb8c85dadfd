using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace ClarityConnect.Website.Tests;

/// <summary>Screenshots and axe checks of a page.</summary>
internal static class Accessibility
{
    /// <summary>Saves a full-page screenshot as <paramref name="name"/>.png and runs axe on the page: no serious or critical violation.</summary>
    public static async Task AssertAccessibleAsync(this IPage page, string screenshotDirectory, string name)
    {
        await page.ScreenshotAsync(new() { Path = Path.Combine(screenshotDirectory, name + ".png"), FullPage = true });
        var results = await page.RunAxe();
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Html))}")
            .ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious));
    }
}
