using System.Text.RegularExpressions;
using ClarityConnect.AdminApi.Website;
using ClarityConnect.TestDoubles.OpenIdConnect;
using ClarityConnect.Testing;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClarityConnect.Website.Tests;

/// <summary>
/// OpenID Connect sign-in to the site, against the loopback provider double (HTTPS with a self-signed certificate): a
/// second host of the admin API on the collection's cluster, configured with the provider as its JWT authority.
/// </summary>
[Collection(WebsiteCollection.Name)]
public sealed class OidcSignInTests(WebsiteFixture site) : IAsyncLifetime
{
    private const string RequiredRole = "ClarityConnect.Admin";

    private readonly OpenIdProviderDouble _provider = new();
    private WebApplication _app = null!;
    private Uri _address = null!;
    private IBrowserContext _context = null!;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        await _provider.StartAsync();
        (_app, _address) = await StandaloneAdminApi.StartAsync(site, WebsiteFixture.ApiKey,
        [
            "--ClarityConnect:AdminApi:Jwt:Authority", _provider.Issuer,
            "--ClarityConnect:AdminApi:Jwt:Audience", "api://clarityconnect",
            "--ClarityConnect:AdminApi:Jwt:RequiredRole", RequiredRole,
            "--ClarityConnect:AdminApi:Oidc:ClientId", _provider.ClientId,
            "--ClarityConnect:AdminApi:Oidc:ClientSecret", _provider.ClientSecret,
        ], builder => builder.Services.Configure<OpenIdConnectOptions>(OidcSignIn.Scheme, o =>
            // Test only: the site's back channel trusts the provider's self-signed certificate, pinned by thumbprint.
            o.BackchannelHttpHandler = new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == _provider.Certificate.Thumbprint,
            }));
        _provider.RedirectUri = new Uri(_address, OidcSignIn.CallbackPath).ToString();
        // Test only: the browser goes to the provider's self-signed HTTPS pages.
        _context = await site.Browser.NewContextAsync(new() { BaseURL = _address.ToString(), IgnoreHTTPSErrors = true });
        _context.SetDefaultTimeout(10_000);
        _page = await _context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        await _context.DisposeAsync();
        await _app.DisposeAsync();
        await _provider.DisposeAsync();
    }

    [Fact]
    public async Task A_user_with_the_required_role_signs_in_with_OpenID_Connect_and_gets_the_sites_cookie_session()
    {
        await _page.GotoAsync("sessions");
        await Expect(_page).ToHaveURLAsync(new Regex("/signin\\?returnUrl=%2Fsessions$"));

        await _page.GetByRole(AriaRole.Link, new() { Name = "Sign in with OpenID Connect", Exact = true }).ClickAsync();

        await Expect(_page.GetByRole(AriaRole.Heading, new() { Name = "Sessions", Level = 1 })).ToBeVisibleAsync();
        Assert.True(_provider.Refusals.IsEmpty, string.Join("; ", _provider.Refusals));
        Assert.Equal(1, _provider.TokensIssued);
        var cookie = await _context.SessionCookieAsync();
        Assert.NotNull(cookie);
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
        // The cookie is the site's session: other pages open, the REST API still wants a key or a bearer token.
        await _page.GotoAsync("exports");
        await Expect(_page.GetByRole(AriaRole.Heading, new() { Name = "Exports", Level = 1 })).ToBeVisibleAsync();
        Assert.Equal(401, (await _context.APIRequest.GetAsync("api/integrations")).Status);
    }

    [Fact]
    public async Task Coming_back_from_a_page_of_the_provider_the_browser_lands_signed_in_on_the_page_it_opened()
    {
        // The way back starts on the provider's page (another site): the SameSite=Strict cookie must still reach the page.
        _provider.AsksToContinue = true;
        await _page.GotoAsync("maintenance/system-configuration");
        await _page.GetByRole(AriaRole.Link, new() { Name = "Sign in with OpenID Connect", Exact = true }).ClickAsync();

        await _page.GetByRole(AriaRole.Link, new() { Name = "Continue as Ada Admin" }).ClickAsync();

        await Expect(_page.GetByRole(AriaRole.Heading, new() { Name = "System Configuration Settings", Level = 1 })).ToBeVisibleAsync();
        await Expect(_page).ToHaveURLAsync(new Uri(_address, "maintenance/system-configuration").ToString());
        Assert.True(_provider.Refusals.IsEmpty, string.Join("; ", _provider.Refusals));
    }

    [Fact]
    public async Task A_user_without_the_required_role_gets_the_not_authorized_page_and_no_session()
    {
        _provider.SignedInUser = new OpenIdUser("agent-7", "Andy Agent", ["ClarityConnect.Agent"]);
        await _page.GotoAsync("signin");

        await _page.GetByRole(AriaRole.Link, new() { Name = "Sign in with OpenID Connect", Exact = true }).ClickAsync();

        await Expect(_page.GetByRole(AriaRole.Heading, new() { Name = "Not authorized", Level = 1 })).ToBeVisibleAsync();
        await Expect(_page.GetByRole(AriaRole.Main)).ToContainTextAsync(RequiredRole);
        Assert.Equal(1, _provider.TokensIssued);
        Assert.Null(await _context.SessionCookieAsync());
        await _page.GotoAsync("sessions");
        await Expect(_page).ToHaveURLAsync(new Regex("/signin\\?returnUrl=%2Fsessions$"));
    }

    [Fact]
    public async Task A_failure_at_the_provider_returns_to_the_sign_in_page_saying_so()
    {
        // The provider no longer accepts the secret the site has: the token request is refused (invalid_client).
        _provider.ClientSecret = "rotated-at-the-provider";
        await _page.GotoAsync("signin");

        await _page.GetByRole(AriaRole.Link, new() { Name = "Sign in with OpenID Connect", Exact = true }).ClickAsync();

        await Expect(_page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Signing in with OpenID Connect failed. Try again, or sign in with an admin API key.");
        Assert.Contains(_provider.Refusals, r => r.Contains("invalid_client", StringComparison.Ordinal));
        Assert.Null(await _context.SessionCookieAsync());
    }

    [Fact]
    public async Task The_sign_in_page_offering_OpenID_Connect_is_accessible()
    {
        await _page.GotoAsync("signin");

        await Expect(_page.GetByLabel("Admin API key", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(_page.GetByRole(AriaRole.Link, new() { Name = "Sign in with OpenID Connect", Exact = true })).ToBeVisibleAsync();
        await _page.AssertAccessibleAsync(site.ScreenshotDirectory, "signin-with-oidc");
        Assert.DoesNotContain(_provider.ClientSecret, await _page.ContentAsync(), StringComparison.Ordinal);
    }
}
