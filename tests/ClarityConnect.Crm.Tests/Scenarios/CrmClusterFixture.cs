using System.Web;
using ClarityConnect.Abstractions.Crm;

namespace ClarityConnect.Crm.Tests.Scenarios;

/// <summary>
/// A cluster with one CRM connector pointed at that CRM's double on loopback, enabled and authorized through the "Key
/// icon" flow as an administrator would, exporting recordings, notes and transcripts from <see cref="RecordingsDirectory"/>.
/// </summary>
public abstract class CrmClusterFixture : ClusterFixture
{
    /// <summary>The CRM's double, as the shared scenarios use it.</summary>
    public abstract ICrmDouble Crm { get; }

    /// <summary>The folder the platform setting RecordingsRoot points at.</summary>
    public string RecordingsDirectory => Path.Combine(DataDirectory, "recordings");

    /// <summary>Saves the CRM's settings pointing at the double (with the client credentials flow if <paramref name="clientCredentials"/>).</summary>
    public abstract Task ConfigureAsync(bool enabled, bool clientCredentials = false);

    /// <summary>The "Key icon": open the authorization URL, let the double's login page issue a code, follow the redirect back.</summary>
    public async Task<AuthorizationStatus> AuthorizeAsync()
    {
        var authorization = Grains.GetGrain<ICrmAuthorizationGrain>(Crm.Integration);
        var url = await authorization.BeginAsync(RedirectUri);
        var query = HttpUtility.ParseQueryString(url.Query);
        var code = IssueAuthorizationCode(query["code_challenge"], new Uri(query["redirect_uri"]!));
        return await authorization.CompleteAsync(query["state"]!, code);
    }

    /// <summary>The admin website's callback the CRM redirects the administrator's browser to.</summary>
    protected Uri RedirectUri => new($"https://admin.example.com/api/integrations/{Crm.Integration}/callback");

    /// <summary>What the CRM's login page does once the administrator signs in: issue a code for the PKCE challenge.</summary>
    protected abstract string IssueAuthorizationCode(string? codeChallenge, Uri redirectUri);

    /// <inheritdoc />
    protected override async Task ConfigureIntegrationsAsync()
    {
        await ConfigureAsync(enabled: true);
        await ConfigurePlatformAsync(RecordingsDirectory);
        await AuthorizeAsync();
    }
}
