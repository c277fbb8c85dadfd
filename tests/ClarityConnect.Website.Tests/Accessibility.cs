using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace ClarityConnect.Website.Tests;

/// <summary>The accessibility check every page passes: axe finds no serious or critical violation.</summary>
internal static class Accessibility
{
    /// <summary>Saves a full-page screenshot of <paramref name="page"/> as <paramref name="name"/>.png and runs axe on it: no serious or critical violation.</summary>
    public static async Task AssertAccessibleAsync(this IPage page, string screenshotDirectory, string name)
    {
        await page.ScreenshotAsync(new() { Path = Path.Combine(screenshotDirectory, name + ".png"), FullPage = true });
        var results = await page.RunAxe();
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Html))}")
            .ToList();
        Assert.True(serious.Count == 0, $"{name}: " + string.Join("\n", serious));
    }
}
