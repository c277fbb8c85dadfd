using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClarityConnect.Website.Tests;

/// <summary>An unknown path of the site: a "Page not found" page for a signed-in browser; the API keeps its ProblemDetails.</summary>
public sealed class NotFoundPageTests(WebsiteFixture site) : BrowserTest(site)
{
    [Theory]
    [InlineData("no-such-page")]
    [InlineData("maintenance/no-such-page")]
    [InlineData("sessions/one/two")]
    public async Task A_signed_in_browser_opening_an_unknown_path_gets_the_not_found_page_within_the_layout(string path)
    {
        await Page.SignInAsync();

        var response = await Page.GotoAsync(path);

        Assert.Equal(404, response!.Status);
        Assert.StartsWith("text/html", response.Headers["content-type"], StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", response.Headers["content-security-policy"], StringComparison.Ordinal);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Page not found", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Navigation, new() { Name = "Main menu" })).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Go to the home page" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "ClarityConnect administration", Level = 1 })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_signed_out_browser_opening_an_unknown_path_is_sent_to_sign_in()
    {
        await Page.GotoAsync("no-such-page");

        await Expect(Page).ToHaveURLAsync(new Regex("/signin\\?returnUrl=%2Fno-such-page$"));
    }

    [Theory]
    [InlineData("api/no-such-thing")]
    [InlineData("api")]
    public async Task An_unknown_api_path_stays_a_problem_details_404_even_with_the_cookie(string path)
    {
        await Page.SignInAsync();

        // The browser's own navigation: it accepts HTML first, and anything (*/*).
        var response = await Page.GotoAsync(path);

        Assert.Equal(404, response!.Status);
        Assert.StartsWith("application/problem+json", response.Headers["content-type"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_path_without_a_browser_or_cookie_stays_a_problem_details_404()
    {
        using var http = new HttpClient { BaseAddress = Site.Address };

        var response = await http.GetAsync("no-such-page");

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
