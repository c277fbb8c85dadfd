using Microsoft.Playwright;

namespace ClarityConnect.Website.Tests;

/// <summary>A test in its own browser context (own cookies, signed out) with one page, on the collection's browser.</summary>
[Collection(WebsiteCollection.Name)]
public abstract class BrowserTest(WebsiteFixture site) : IAsyncLifetime
{
    /// <summary>The site and its browser.</summary>
    protected WebsiteFixture Site { get; } = site;

    /// <summary>This test's browser context.</summary>
    protected IBrowserContext Context { get; private set; } = null!;

    /// <summary>This test's page.</summary>
    protected IPage Page { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Context = await Site.NewContextAsync();
        Page = await Context.NewPageAsync();
    }

    public async Task DisposeAsync() => await Context.DisposeAsync();
}
