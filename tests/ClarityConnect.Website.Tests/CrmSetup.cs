using System.Web;
using ClarityConnect.Abstractions.Crm;
using ClarityConnect.Abstractions.Integrations;

namespace ClarityConnect.Website.Tests;

/// <summary>
/// The CRM set-up the website tests share: each CRM's settings pointing at its double (enabled, the double's client),
/// saved through <see cref="IIntegrationConfigGrain"/> as an administrator saves them, and the authorization the Key
/// icon starts, completed with a code the double issues.
/// </summary>
internal static class CrmSetup
{
    /// <summary>Salesforce enabled against the double; callers add what their test needs with <c>with</c>.</summary>
    public static SalesforceSettings SalesforceSettings(this WebsiteFixture site) => new()
    {
        Enabled = true,
        ConsumerKey = site.Salesforce.ClientId,
        ConsumerSecret = site.Salesforce.ClientSecret,
        LoginUrl = site.Salesforce.BaseUrl.ToString(),
    };

    /// <summary>Microsoft Dynamics enabled against the Dataverse double and its Entra ID endpoints.</summary>
    public static DynamicsSettings DynamicsSettings(this WebsiteFixture site) => new()
    {
        Enabled = true,
        ClientId = site.Dataverse.ClientId,
        ClientKey = site.Dataverse.ClientSecret,
        InstanceUrl = site.Dataverse.BaseUrl.ToString().TrimEnd('/'),
        AuthorizationUrl = site.Dataverse.AuthorizationUrl.ToString(),
        TokenUrl = site.Dataverse.TokenUrl.ToString(),
    };

    /// <summary>Saves <paramref name="settings"/> over the stored version.</summary>
    public static async Task SaveSettingsAsync(this WebsiteFixture site, IntegrationSettings settings)
    {
        var grain = site.Grains.GetGrain<IIntegrationConfigGrain>(settings.Integration);
        await grain.UpdateAsync(settings, (await grain.GetAsync()).Version);
    }

    /// <summary>
    /// Points the platform's recordings root at <see cref="WebsiteFixture.RecordingsDirectory"/> and Salesforce at the
    /// double, enabled, pushing recordings, notes and transcripts, and authorized through the Key icon's flow.
    /// </summary>
    public static async Task ConfigureSalesforceExportsAsync(this WebsiteFixture site)
    {
        await site.ConfigurePlatformAsync(site.RecordingsDirectory);
        await site.ConfigureAndAuthorizeAsync(site.SalesforceSettings() with
        {
            PushCallRecordings = true,
            PushSessionNotes = true,
            PushSessionTranscript = true,
        });
    }

    /// <summary>Saves the CRM's settings and authorizes it: the Key icon's flow, the double issuing the code.</summary>
    public static async Task ConfigureAndAuthorizeAsync(this WebsiteFixture site, IntegrationSettings settings)
    {
        await site.SaveSettingsAsync(settings);
        var authorization = site.Grains.GetGrain<ICrmAuthorizationGrain>(settings.Integration);
        var url = await authorization.BeginAsync(new Uri(site.Address, $"api/integrations/{settings.Integration}/callback"));
        var query = HttpUtility.ParseQueryString(url.Query);
        var redirectUri = new Uri(query["redirect_uri"]!);
        var code = settings.Integration == IntegrationNames.Dynamics
            ? site.Dataverse.IssueAuthorizationCode(query["code_challenge"], redirectUri)
            : site.Salesforce.IssueAuthorizationCode(query["code_challenge"], redirectUri);
        await authorization.CompleteAsync(query["state"]!, code);
    }
}
