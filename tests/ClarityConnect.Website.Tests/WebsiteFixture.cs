using ClarityConnect.TestDoubles.Dataverse;
using ClarityConnect.TestDoubles.Salesforce;
using ClarityConnect.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;

namespace ClarityConnect.Website.Tests;

/// <summary>
/// The administrative website as the standalone admin API host serves it, on Kestrel on a loopback port, an Orleans
/// client of a one-silo test cluster; and one headless Debian Chromium (scripts/install-chromium.sh) for the collection.
/// </summary>
public sealed class WebsiteFixture : ClusterFixture
{
    /// <summary>The admin API key the tests sign in with (only its hash is configured).</summary>
    public const string ApiKey = "website-admin-key-0123456789";

    /// <summary>Where Debian installs Chromium; Playwright's own browser download is never used.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private WebApplication? _app;
    private IPlaywright? _playwright;

    /// <summary>The Salesforce double the cluster's Salesforce connector is pointed at when a test configures it.</summary>
    public SalesforceDouble Salesforce { get; } = new();

    /// <summary>The Dataverse double the cluster's Dynamics connector is pointed at when a test configures it.</summary>
    public DataverseDouble Dataverse { get; } = new();

    /// <summary>
    /// A custom object of the Salesforce org, with a lookup to Account (<c>Parent__r</c>), for the node builder's tests.
    /// Defined when the double starts, before any test runs: the silo caches the org's describe for minutes, as against
    /// a real org, so an object defined by a test after another test's lookup would not be listed.
    /// </summary>
    public const string CustomObject = "Gadget__c";

    /// <summary>The site's base address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>The browser shared by the collection; each test opens its own context.</summary>
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The folder the tests point the platform setting RecordingsRoot at (created on first use).</summary>
    public string RecordingsDirectory => Directory.CreateDirectory(Path.Combine(DataDirectory, "recordings")).FullName;

    /// <summary>Where the tests save their screenshots: the test results folder.</summary>
    public string ScreenshotDirectory { get; } = Screenshots.Directory();

    /// <inheritdoc />
    protected override bool AcceptsExternalClients => true;

    /// <summary>A new browser context (own cookies) whose relative URLs resolve against the site.</summary>
    public async Task<IBrowserContext> NewContextAsync()
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = Address.ToString() });
        // A page of this site answers in well under a second; a missing element fails the test soon.
        context.SetDefaultTimeout(10_000);
        return context;
    }

    /// <inheritdoc />
    protected override async Task StartDoublesAsync()
    {
        await Salesforce.StartAsync();
        Salesforce.DefineObject(CustomObject, label: "Gadget");
        Salesforce.DefineField(CustomObject, "Code__c");
        Salesforce.DefineField(CustomObject, "Status__c");
        Salesforce.DefineField(CustomObject, "Parent__c", "reference", ["Account"], "Parent__r");
        await Dataverse.StartAsync();
    }

    /// <inheritdoc />
    protected override async Task ConfigureIntegrationsAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            // A failure, never a skip: the browser tests are part of the suite.
            throw new InvalidOperationException($"Chromium is not installed at {ChromiumPath}; run scripts/install-chromium.sh (as root).");
        }

        (_app, Address) = await StandaloneAdminApi.StartAsync(this, ApiKey, []);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Headless = true });
    }

    /// <inheritdoc />
    protected override async Task StopDoublesAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        await Salesforce.DisposeAsync();
        await Dataverse.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class WebsiteCollection : ICollectionFixture<WebsiteFixture>
{
    public const string Name = "Website";
}

