using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClarityConnect.Website.Tests;

/// <summary>Signing in and out of the administrative website with the admin API key, in Chromium.</summary>
[Collection(WebsiteCollection.Name)]
public sealed class SignInTests(WebsiteFixture site) : IAsyncLifetime
{
    private IBrowserContext _context = null!;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        _context = await site.NewContextAsync();
        _page = await _context.NewPageAsync();
    }

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public async Task A_signed_out_browser_opening_the_site_signs_in_with_the_right_key_and_lands_on_the_home_page()
    {
        await _page.GotoAsync("");
        await Expect(_page).ToHaveURLAsync(new Regex("/signin\\?returnUrl=%2F$"));

        await _page.SubmitKeyAsync(WebsiteFixture.ApiKey);

        await Expect(_page).ToHaveURLAsync(site.Address.ToString());
        await Expect(_page.GetByRole(AriaRole.Heading, new() { Name = "ClarityConnect administration" })).ToBeVisibleAsync();
        var cookie = await _context.SessionCookieAsync();
        Assert.NotNull(cookie);
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
    }

    [Fact]
    public async Task A_wrong_key_shows_the_message_and_sets_no_cookie()
    {
        await _page.GotoAsync("signin");

        await _page.SubmitKeyAsync("not-the-admin-key");

        await Expect(_page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The admin API key is not valid.");
        await Expect(_page.GetByLabel("Admin API key", new() { Exact = true })).ToBeEmptyAsync();
        Assert.Null(await _context.SessionCookieAsync());
        await _page.GotoAsync("sessions");
        await Expect(_page).ToHaveURLAsync(new Regex("/signin\\?returnUrl=%2Fsessions$"));
    }

    [Fact]
    public async Task Sign_out_ends_the_session()
    {
        await _page.SignInAsync();

        await _page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true }).ClickAsync();

        await Expect(_page).ToHaveURLAsync(new Regex("/signin$"));
        Assert.Null(await _context.SessionCookieAsync());
        await _page.GotoAsync("exports");
        await Expect(_page).ToHaveURLAsync(new Regex("/signin\\?returnUrl=%2Fexports$"));
    }

    [Fact]
    public async Task Sign_out_without_the_forms_antiforgery_token_is_refused()
    {
        await _page.SignInAsync();

        var forged = await _context.APIRequest.PostAsync("signout", new() { Form = _context.APIRequest.CreateFormData() });

        Assert.Equal(400, forged.Status);
        Assert.NotNull(await _context.SessionCookieAsync());
        await _page.GotoAsync("sessions");
        await Expect(_page.GetByRole(AriaRole.Heading, new() { Name = "Sessions", Level = 1 })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_signed_out_browser_goes_through_sign_in_and_back_to_the_page_it_opened()
    {
        await _page.GotoAsync("maintenance/system-configuration");
        await Expect(_page).ToHaveURLAsync(new Regex("/signin\\?returnUrl=%2Fmaintenance%2Fsystem-configuration$"));

        await _page.SubmitKeyAsync(WebsiteFixture.ApiKey);

        await Expect(_page).ToHaveURLAsync(new Uri(site.Address, "maintenance/system-configuration").ToString());
        await Expect(_page.GetByRole(AriaRole.Heading, new() { Name = "System Configuration Settings" })).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("https://evil.example/")]
    public async Task Sign_in_never_returns_to_another_site(string returnUrl)
    {
        await _page.GotoAsync("signin?returnUrl=" + Uri.EscapeDataString(returnUrl));

        await _page.SubmitKeyAsync(WebsiteFixture.ApiKey);

        await Expect(_page).ToHaveURLAsync(site.Address.ToString());
    }

    [Fact]
    public async Task The_cookie_opens_the_api_reference_and_the_dashboard_but_not_the_api()
    {
        await _page.SignInAsync();

        var reference = await _page.GotoAsync("api/reference");
        Assert.Equal(200, reference!.Status);
        var dashboard = await _page.GotoAsync("dashboard/");
        Assert.Equal(200, dashboard!.Status);
        // The REST API keeps requiring the key or a bearer token: a cookie never authorizes an API call.
        var api = await _context.APIRequest.GetAsync("api/integrations");
        Assert.Equal(401, api.Status);
    }

    [Fact]
    public async Task Signed_out_the_api_reference_sends_the_browser_to_sign_in()
    {
        await _page.GotoAsync("api/reference");

        await Expect(_page).ToHaveURLAsync(new Regex("/signin\\?returnUrl=%2Fapi%2Freference$"));
    }
}
