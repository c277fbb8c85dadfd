using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Crm.Tests.Scenarios;
using ClarityConnect.TestDoubles.Dataverse;

namespace ClarityConnect.Crm.Tests.Dataverse;

/// <summary>
/// A cluster with the real Dataverse connector (the "Microsoft Dynamics" integration) pointed at a
/// <see cref="DataverseDouble"/> on loopback. Its contact table has no <c>emailaddress3</c> (as an
/// environment the integrator met), and a custom table <c>new_ticket</c> (number, subject, a contact lookup) that only
/// the relationship test reads, so its metadata is never cached by another test.
/// </summary>
public class DataverseClusterFixture : CrmClusterFixture
{
    public DataverseClusterFixture() => Crm = new DataverseCrm(Dataverse);

    public DataverseDouble Dataverse { get; } = new();

    /// <inheritdoc />
    public override ICrmDouble Crm { get; }

    /// <inheritdoc />
    public override async Task ConfigureAsync(bool enabled, bool clientCredentials = false)
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

    /// <inheritdoc />
    /// <remarks>The double plays Entra ID's login page.</remarks>
    protected override string IssueAuthorizationCode(string? codeChallenge, Uri redirectUri) => Dataverse.IssueAuthorizationCode(codeChallenge, redirectUri);

    protected override async Task StartDoublesAsync()
    {
        await Dataverse.StartAsync();
        // Before the cluster starts: the silo caches metadata for minutes, as it would against a real environment.
        Dataverse.RemoveAttribute("contact", "emailaddress3");
        Dataverse.DefineEntity("new_ticket", "new_tickets", "new_number", "Ticket");
        Dataverse.DefineAttribute("new_ticket", "new_number", "String", "Ticket Number");
        Dataverse.DefineAttribute("new_ticket", "new_subject", "String", "Subject");
        Dataverse.DefineAttribute("new_ticket", "new_customerid", "Lookup", "Customer", ["contact"]);
        Directory.CreateDirectory(RecordingsDirectory);
    }

    protected override Task StopDoublesAsync() => Dataverse.DisposeAsync().AsTask();
}

[CollectionDefinition(Name)]
public sealed class DataverseCollection : ICollectionFixture<DataverseClusterFixture>
{
    public const string Name = "dataverse cluster";
}

/// <summary>The Dataverse cluster with circuit breakers that open after a few failures and stay open for minutes.</summary>
public sealed class TrippingDataverseClusterFixture : DataverseClusterFixture
{
    protected override void AddConfigurators(Orleans.TestingHost.TestClusterBuilder builder) =>
        builder.AddSiloBuilderConfigurator<TrippingBreakersSiloConfigurator>();
}

[CollectionDefinition(Name)]
public sealed class TrippingDataverseCollection : ICollectionFixture<TrippingDataverseClusterFixture>
{
    public const string Name = "dataverse cluster with tripping breakers";
}
