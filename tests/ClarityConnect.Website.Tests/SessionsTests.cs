using System.Text.RegularExpressions;
using ClarityConnect.Abstractions.Listings;
using ClarityConnect.Abstractions.Sessions;
using ClarityConnect.TestDoubles;
using ClarityConnect.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClarityConnect.Website.Tests;

/// <summary>The Sessions page: the session listing with the API's filters and paging, in Chromium.</summary>
public sealed class SessionsTests(WebsiteFixture site) : BrowserTest(site)
{
    [Fact]
    public async Task Filters_and_paging_find_the_sessions_of_a_queue_and_open_their_details()
    {
        var (queue, ids) = await QueuedSessionsAsync(3);
        await Page.SignInAsync();
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Main menu" }).GetByRole(AriaRole.Link, new() { Name = "Sessions", Exact = true }).ClickAsync();

        await Page.GetByLabel("Queue", new() { Exact = true }).FillAsync(queue);
        await Page.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Queued" });
        await Page.GetByLabel("Page size", new() { Exact = true }).FillAsync("2");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Filter", Exact = true }).ClickAsync();

        // A GET form: the filters are in the address, so the listing can be bookmarked.
        await Expect(Page).ToHaveURLAsync(new Regex($"/sessions\\?status=queued&channel=&queue={queue}&.*limit=2"));
        var rows = Page.Locator("table.listing tbody tr");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(Page.GetByRole(AriaRole.Navigation, new() { Name = "Sessions pages" })).ToContainTextAsync("1–2 of 3");
        await Page.AssertAccessibleAsync(Site.ScreenshotDirectory, "sessions");
        var firstPage = await rows.Locator("td:first-child").AllInnerTextsAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = "Next", Exact = true }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(Page.GetByRole(AriaRole.Navigation, new() { Name = "Sessions pages" })).ToContainTextAsync("3–3 of 3");
        await Expect(Page.GetByLabel("Queue", new() { Exact = true })).ToHaveValueAsync(queue);
        var secondPage = await rows.Locator("td:first-child").AllInnerTextsAsync();
        Assert.Equal(ids.Order(), firstPage.Concat(secondPage).Order());
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Next", Exact = true })).ToHaveCountAsync(0);

        await Page.GetByRole(AriaRole.Link, new() { Name = "Previous", Exact = true }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(2);

        await Page.GetByRole(AriaRole.Link, new() { Name = firstPage[0], Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Session Details", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.Locator("dl.details")).ToContainTextAsync(firstPage[0]);
    }

    [Fact]
    public async Task A_bad_filter_value_shows_the_apis_message_next_to_its_field_and_lists_nothing()
    {
        await Page.SignInAsync();
        await Page.GotoAsync("sessions");

        await Page.GetByLabel("Started from", new() { Exact = true }).FillAsync("yesterday");
        await Page.GetByLabel("Page size", new() { Exact = true }).FillAsync("0");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Filter", Exact = true }).ClickAsync();

        var startedFrom = Page.GetByLabel("Started from", new() { Exact = true });
        await Expect(startedFrom).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(startedFrom).ToHaveAccessibleDescriptionAsync("'yesterday' is not an ISO 8601 time such as 2026-11-24T09:00:00Z");
        await Expect(Page.GetByLabel("Page size", new() { Exact = true })).ToHaveAccessibleDescriptionAsync("must be between 1 and 500, not 0");
        await Expect(Page.Locator("table.listing")).ToHaveCountAsync(0);
        await Page.AssertAccessibleAsync(Site.ScreenshotDirectory, "sessions-bad-filter");
    }

    [Fact]
    public async Task The_filters_are_usable_by_keyboard()
    {
        var (queue, ids) = await QueuedSessionsAsync(1);
        await Page.SignInAsync();
        await Page.GotoAsync("sessions");

        await Page.GetByLabel("Status", new() { Exact = true }).FocusAsync();
        await Page.Keyboard.PressAsync("Tab");
        await Page.Keyboard.PressAsync("Tab");
        Assert.Equal("queue", await Page.EvaluateAsync<string>("() => document.activeElement.id"));
        await Page.Keyboard.TypeAsync(queue);
        await Page.Keyboard.PressAsync("Enter");

        await Expect(Page.Locator("table.listing tbody tr")).ToHaveCountAsync(1);
        var link = Page.GetByRole(AriaRole.Link, new() { Name = ids[0], Exact = true });
        await link.FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page).ToHaveURLAsync(new Uri(Site.Address, "sessions/" + ids[0]).ToString());
    }

    [Fact]
    public async Task The_started_and_last_change_times_stay_on_one_line_beside_long_session_ids()
    {
        var (queue, _) = await QueuedSessionsAsync(2);
        await Page.SignInAsync();
        await Page.GotoAsync("sessions?queue=" + queue);

        var times = Page.Locator("table.listing tbody time");
        await Expect(times).ToHaveCountAsync(4);
        // An inline element broken over several lines has one client rectangle per line.
        Assert.All(await times.EvaluateAllAsync<int[]>("ts => ts.map(t => t.getClientRects().length)"), lines => Assert.Equal(1, lines));
        await Page.AssertAccessibleAsync(Site.ScreenshotDirectory, "sessions-times");
    }

    /// <summary>Sessions queued in a queue of their own, once the listing shows them all.</summary>
    private async Task<(string Queue, string[] Ids)> QueuedSessionsAsync(int count)
    {
        var queue = "Queue-" + Guid.NewGuid().ToString("n")[..8];
        var ids = new string[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = "web-list-" + Guid.NewGuid().ToString("n");
            var session = Site.Grains.GetGrain<ISessionGrain>(ids[i]);
            await session.StartAsync(new SessionStart { Channel = SessionChannel.Voice, CallerPhoneNumber = "+14155550100" });
            await session.EnqueueAsync(queue);
        }

        var listing = Site.Grains.GetGrain<IListingGrain>(0);
        await Eventually.TrueAsync(async () => (await listing.ListSessionsAsync(new SessionQuery { Queue = queue, Status = SessionStatus.Queued })).Total == count,
            $"the listing shows the {count} sessions of {queue}");
        return (queue, ids);
    }
}
