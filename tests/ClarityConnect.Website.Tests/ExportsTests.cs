using System.Text.RegularExpressions;
using ClarityConnect.Abstractions.Exports;
using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClarityConnect.Website.Tests;

/// <summary>The Exports page: failed (parked) exports across targets, filterable, each with "Retry", in Chromium.</summary>
public sealed class ExportsTests(WebsiteFixture site) : BrowserTest(site)
{
    [Fact]
    public async Task A_failed_export_is_listed_with_its_error_and_retried_after_fixing_the_cause()
    {
        var (session, missing) = await Site.FailedExportAsync();
        var id = session.GetPrimaryKeyString();
        await Page.SignInAsync();
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Main menu" }).GetByRole(AriaRole.Link, new() { Name = "Exports", Exact = true }).ClickAsync();

        // The page opens on the failed exports of every target.
        await Expect(Page.GetByLabel("State", new() { Exact = true })).ToHaveValueAsync("failed");
        await Page.GetByLabel("Session", new() { Exact = true }).FillAsync(id);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Filter", Exact = true }).ClickAsync();
        var row = Page.Locator("table.listing tbody tr");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("salesforce");
        await Expect(row).ToContainTextAsync("Failed");
        await Expect(row).ToContainTextAsync(Path.GetFileName(missing));
        await Page.AssertAccessibleAsync(Site.ScreenshotDirectory, "exports");

        await File.WriteAllBytesAsync(missing, WaveFile.Tone());
        await row.GetByRole(AriaRole.Button, new() { Name = $"Retry salesforce export of session {id}", Exact = true }).ClickAsync();

        // Back on the same filtered page, which no longer lists it as failed; the export then completes.
        await Expect(Page).ToHaveURLAsync(new Regex($"/exports\\?state=failed&target=&sessionId={id}"));
        await Expect(row).ToHaveCountAsync(0);
        await new SessionDriver(Site.Grains).WaitForExportAsync(IntegrationNames.Salesforce, id, ExportState.Done);
        await Page.GetByLabel("State", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Done" });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Filter", Exact = true }).ClickAsync();
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("Done");
    }

    [Fact]
    public async Task The_target_filter_and_a_bad_filter_value()
    {
        var (session, _) = await Site.FailedExportAsync();
        var id = session.GetPrimaryKeyString();
        await Page.SignInAsync();

        await Page.GotoAsync($"exports?sessionId={id}&target={IntegrationNames.Dynamics}");
        await Expect(Page.Locator("table.listing tbody tr")).ToHaveCountAsync(0);
        await Page.GetByLabel("Target", new() { Exact = true }).SelectOptionAsync(IntegrationNames.Salesforce);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Filter", Exact = true }).ClickAsync();
        await Expect(Page.Locator("table.listing tbody tr")).ToHaveCountAsync(1);

        await Page.GotoAsync("exports?target=sap&state=stuck");
        await Expect(Page.GetByLabel("Target", new() { Exact = true })).ToHaveAccessibleDescriptionAsync("'sap' is not an export target; the targets are salesforce, dynamics, csi.");
        await Expect(Page.GetByLabel("State", new() { Exact = true })).ToHaveAccessibleDescriptionAsync("'stuck' is not one of pending, done, failed");
        await Expect(Page.Locator("table.listing")).ToHaveCountAsync(0);
        await Page.AssertAccessibleAsync(Site.ScreenshotDirectory, "exports-bad-filter");
    }

    [Fact]
    public async Task Retry_by_keyboard_of_an_export_retried_meanwhile_says_why_nothing_was_done()
    {
        var (session, missing) = await Site.FailedExportAsync();
        var id = session.GetPrimaryKeyString();
        await Page.SignInAsync();
        await Page.GotoAsync($"exports?sessionId={id}");
        var retry = Page.GetByRole(AriaRole.Button, new() { Name = $"Retry salesforce export of session {id}", Exact = true });
        await Expect(retry).ToBeVisibleAsync();

        // Another administrator fixes the cause and retries it first, through the API's rule: it is no longer failed.
        await File.WriteAllBytesAsync(missing, WaveFile.Tone());
        await Site.Grains.GetGrain<IExportGrain>($"{IntegrationNames.Salesforce}/{id}").RetryAsync();
        await retry.FocusAsync();
        await Page.Keyboard.PressAsync("Enter");

        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync($"The salesforce export of session {id} was not retried");
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("only a failed export can be retried");
    }
}
