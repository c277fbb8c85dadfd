using ClarityConnect.Abstractions.Sessions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClarityConnect.Website.Tests;

/// <summary>The Session Details page, the link every CRM export writes into its call-details note, in Chromium.</summary>
public sealed class SessionDetailsTests(WebsiteFixture site) : BrowserTest(site)
{
    [Fact]
    public async Task A_signed_out_browser_opening_a_session_signs_in_and_sees_its_caller_data()
    {
        var id = "web-" + Guid.NewGuid().ToString("n");
        await Site.Grains.GetGrain<ISessionGrain>(id).StartAsync(new SessionStart
        {
            Channel = SessionChannel.Voice,
            CallerPhoneNumber = "+1 415 555 0100",
            CallerIdName = "Ann O'Brien",
            DialedNumber = "+1 800 555 0199",
        });

        await Page.GotoAsync("sessions/" + id);
        await Page.SubmitKeyAsync(WebsiteFixture.ApiKey);

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Session Details", Level = 1 })).ToBeVisibleAsync();
        var details = Page.Locator("dl.details");
        await Expect(details).ToContainTextAsync(id);
        await Expect(details).ToContainTextAsync("+1 415 555 0100");
        await Expect(details).ToContainTextAsync("Ann O'Brien");
        await Expect(details).ToContainTextAsync("+1 800 555 0199");
        await Expect(details).ToContainTextAsync("Voice");
    }

    [Fact]
    public async Task An_unknown_session_says_so()
    {
        await Page.SignInAsync();

        await Page.GotoAsync("sessions/no-such-session");

        await Expect(Page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("There is no session 'no-such-session'.");
    }
}
