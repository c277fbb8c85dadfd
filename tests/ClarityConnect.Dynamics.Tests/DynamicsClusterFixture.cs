using System.Web;
using ClarityConnect.Abstractions.Crm;
using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.TestDoubles.Dataverse;

namespace ClarityConnect.Dynamics.Tests;

/// <summary>
/// A cluster with the real Dataverse connector pointed at a <see cref="DataverseDouble"/> on loopback, enabled and
/// authorized through the "Key icon" flow as an administrator would.
/// </summary>
public sealed class DynamicsClusterFixture : ClusterFixture
{
    public static readonly Uri RedirectUri = new("https://admin.example.com/api/integrations/dynamics/callback");

    public DataverseDouble Dataverse { get; } = new();

    public string RecordingsDirectory => Path.Combine(DataDirectory, "recordings");

    /// <summary>Saves the Microsoft Dynamics settings pointing at the double.</summary>
    public async Task ConfigureAsync(bool enabled, bool clientCredentials = false)
    {
        var config = Grains.GetGrain<IIntegrationConfigGrain>(IntegrationNames.Dynamics);
        await config.UpdateAsync(new DynamicsSettings
        {
            Enabled = enabled,
            ClientId = Dataverse.ClientId,
            ClientKey = Dataverse.ClientSecret,
            InstanceUrl = Dataverse.BaseUrl.ToString().TrimEnd('/'),
            AuthorizationUrl = Dataverse.AuthorizationUrl.ToString(),
            TokenUrl = Dataverse.TokenUrl.ToString(),
            UseClientCredentials = clientCredentials,
            PushCallRecordings = true,
            PushSessionNotes = true,
            PushSessionTranscript = true,
        }, (await config.GetAsync()).Version);
    }

    /// <summary>The "Key icon": open the authorization URL, let Entra ID's double issue a code, follow the redirect back.</summary>
    public async Task<AuthorizationStatus> AuthorizeAsync()
    {
        var authorization = Grains.GetGrain<ICrmAuthorizationGrain>(IntegrationNames.Dynamics);
        var url = await authorization.BeginAsync(RedirectUri);
        var query = HttpUtility.ParseQueryString(url.Query);
        var code = Dataverse.IssueAuthorizationCode(query["code_challenge"], new Uri(query["redirect_uri"]!));
        return await authorization.CompleteAsync(query["state"]!, code);
    }

    protected override async Task StartDoublesAsync()
    {
        await Dataverse.StartAsync();
        Directory.CreateDirectory(RecordingsDirectory);
    }

    protected override async Task ConfigureIntegrationsAsync()
    {
        await ConfigureAsync(enabled: true);
        await ConfigurePlatformAsync(RecordingsDirectory);
        await AuthorizeAsync();
    }

    protected override Task StopDoublesAsync() => Dataverse.DisposeAsync().AsTask();
}

[CollectionDefinition(Name)]
public sealed class DynamicsCollection : ICollectionFixture<DynamicsClusterFixture>
{
    public const string Name = "dynamics cluster";
}
