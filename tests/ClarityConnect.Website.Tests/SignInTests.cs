using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClarityConnect.Website.Tests;

/// <summary>Signing in and out of the administrative website with the admin API key, in Chromium.</summary>
public sealed class SignInTests(WebsiteFixture site) : BrowserTest(site)
{
    [Fact]
    public async Task A_signed_out_browser_opening_the_site_signs_in_with_the_right_key_and_lands_on_the_homePage()
    {
        await Page.GotoAsync("");
        await Expect(Page).ToHaveURLAsync(new Regex("/signin\\?returnUrl=%2F$"));

        await Page.SubmitKeyAsync(WebsiteFixture.ApiKey);

        await Expect(Page).ToHaveURLAsync(Site.Address.ToString());
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "ClarityConnect administration" })).ToBeVisibleAsync();
        var cookie = await Context.SessionCookieAsync();
        Assert.NotNull(cookie);
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
    }

    [Fact]
    public async Task A_wrong_key_shows_the_message_and_sets_no_cookie()
    {
        await Page.GotoAsync("signin");

        await Page.SubmitKeyAsync("not-the-admin-key");

        await Expect(Page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The admin API key is not valid.");
        await Expect(Page.GetByLabel("Admin API key", new() { Exact = true })).ToBeEmptyAsync();
        Assert.Null(await Context.SessionCookieAsync());
        await Page.GotoAsync("sessions");
        await Expect(Page).ToHaveURLAsync(new Regex("/signin\\?returnUrl=%2Fsessions$"));
    }

    [Fact]
    public async Task Sign_out_ends_the_session()
    {
        await Page.SignInAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true }).ClickAsync();

        await Expect(Page).ToHaveURLAsync(new Regex("/signin$"));
        Assert.Null(await Context.SessionCookieAsync());
        await Page.GotoAsync("exports");
        await Expect(Page).ToHaveURLAsync(new Regex("/signin\\?returnUrl=%2Fexports$"));
    }

    [Fact]
    public async Task Sign_out_without_the_forms_antiforgery_token_is_refused()
    {
        await Page.SignInAsync();

        var forged = await Context.APIRequest.PostAsync("signout", new() { Form = Context.APIRequest.CreateFormData() });

        Assert.Equal(400, forged.Status);
        Assert.NotNull(await Context.SessionCookieAsync());
        await Page.GotoAsync("sessions");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Sessions", Level = 1 })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_signed_out_browser_goes_through_sign_in_and_back_to_thePage_it_opened()
    {
        await Page.GotoAsync("maintenance/system-configuration");
        await Expect(Page).ToHaveURLAsync(new Regex("/signin\\?returnUrl=%2Fmaintenance%2Fsystem-configuration$"));

        await Page.SubmitKeyAsync(WebsiteFixture.ApiKey);

        await Expect(Page).ToHaveURLAsync(new Uri(Site.Address, "maintenance/system-configuration").ToString());
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "System Configuration Settings" })).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("https://evil.example/")]
    public async Task Sign_in_never_returns_to_another_site(string returnUrl)
    {
        await Page.GotoAsync("signin?returnUrl=" + Uri.EscapeDataString(returnUrl));

        await Page.SubmitKeyAsync(WebsiteFixture.ApiKey);

        await Expect(Page).ToHaveURLAsync(Site.Address.ToString());
    }

    [Fact]
    public async Task The_cookie_opens_the_api_reference_and_the_dashboard_but_not_the_api()
    {
        await Page.SignInAsync();

        var reference = await Page.GotoAsync("api/reference");
        Assert.Equal(200, reference!.Status);
        var dashboard = await Page.GotoAsync("dashboard/");
        Assert.Equal(200, dashboard!.Status);
        // The REST API keeps requiring the key or a bearer token: a cookie never authorizes an API call.
        var api = await Context.APIRequest.GetAsync("api/integrations");
        Assert.Equal(401, api.Status);
    }

    [Fact]
    public async Task Signed_out_the_api_reference_sends_the_browser_to_sign_in()
    {
        await Page.GotoAsync("api/reference");

        await Expect(Page).ToHaveURLAsync(new Regex("/signin\\?returnUrl=%2Fapi%2Freference$"));
    }

    [Fact]
    public async Task Without_an_OpenID_Connect_client_the_sign_in_page_offers_only_the_key()
    {
        await Page.GotoAsync("signin");

        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Sign in with OpenID Connect" })).ToHaveCountAsync(0);
        Assert.Equal(404, (await Context.APIRequest.GetAsync("signin/oidc", new() { MaxRedirects = 0 })).Status);
    }
}
