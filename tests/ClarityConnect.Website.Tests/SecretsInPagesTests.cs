using ClarityConnect.Abstractions.Integrations;

namespace ClarityConnect.Website.Tests;

/// <summary>No stored secret is ever written into a page of the site: not as text, not in an attribute, not in a hidden field.</summary>
public sealed class SecretsInPagesTests(WebsiteFixture site) : BrowserTest(site)
{
    [Fact]
    public async Task No_stored_secret_appears_in_any_page_html()
    {
        var secrets = await StoreDistinctiveSecretsAsync();
        var sessionId = await SitePages.StartSessionAsync(Site.Grains);
        await Page.SignInAsync();

        var leaks = new List<string>();
        foreach (var page in SitePages.All)
        {
            // The response as the server sent it (the cookie of this context goes with it), before any browser parsing.
            var response = await Context.APIRequest.GetAsync(page.PathWith(sessionId));
            Assert.True(page.Status == response.Status, $"{page.Name}: status {response.Status}, expected {page.Status}.");
            var html = await response.TextAsync();
            Assert.Contains("<h1", html, StringComparison.Ordinal);
            leaks.AddRange(secrets.Where(s => html.Contains(s.Value, StringComparison.Ordinal)).Select(s => $"{page.Name}: {s.Key}"));
        }

        Assert.True(leaks.Count == 0, "Secrets in the pages' HTML: " + string.Join(", ", leaks));
    }

    /// <summary>
    /// Gives every secret setting of every integration a distinctive value (keeping the other settings as stored);
    /// returns them by integration and setting. Fails when an integration has a secret this test does not set, so a new
    /// secret setting is covered as soon as it exists. The admin API key is a secret of the site as well.
    /// </summary>
    private async Task<Dictionary<string, string>> StoreDistinctiveSecretsAsync()
    {
        var secrets = new Dictionary<string, string> { ["admin API key"] = WebsiteFixture.ApiKey };
        foreach (var integration in IntegrationNames.All)
        {
            var grain = Site.Grains.GetGrain<IIntegrationConfigGrain>(integration);
            var current = await grain.GetAsync();
            var token = Guid.NewGuid().ToString("n")[..12];
            IntegrationSettings withSecrets = current.Settings switch
            {
                SalesforceSettings s => s with { ConsumerSecret = "SfConsumerSecret" + token },
                DynamicsSettings d => d with { ClientKey = "DynClientKey" + token },
                CsiSettings c => c with { DeveloperKey = "CsiDeveloperKey" + token, FtpPassword = "CsiFtpPassword" + token },
                _ => current.Settings,
            };
            foreach (var (name, value) in withSecrets.GetSecrets())
            {
                Assert.False(string.IsNullOrEmpty(value), $"The {integration} secret {name} has no test value: give it one here.");
                secrets[$"{integration} {name}"] = value!;
            }

            var stored = await grain.UpdateAsync(withSecrets, current.Version);
            Assert.Equal(withSecrets.GetSecrets().Keys.Order(), stored.SecretsSet.Order());
        }

        return secrets;
    }
}
