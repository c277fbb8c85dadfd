using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Crm.Tests.Scenarios;
using ClarityConnect.TestDoubles.Salesforce;

namespace ClarityConnect.Crm.Tests.Salesforce;

/// <summary>
/// A cluster with the real Salesforce connector pointed at a <see cref="SalesforceDouble"/> on loopback. The org has a
/// custom object <c>Ticket__c</c> (a name, a ticket number, no phone or e-mail) for Extra Item Key lookups on objects
/// other than contacts and accounts.
/// </summary>
public class SalesforceClusterFixture : CrmClusterFixture
{
    public SalesforceClusterFixture() => Crm = new SalesforceCrm(Salesforce);

    public SalesforceDouble Salesforce { get; } = new();

    /// <inheritdoc />
    public override ICrmDouble Crm { get; }

    /// <inheritdoc />
    public override async Task ConfigureAsync(bool enabled, bool clientCredentials = false)
    {
        var config = Grains.GetGrain<IIntegrationConfigGrain>(IntegrationNames.Salesforce);
        await config.UpdateAsync(new SalesforceSettings
        {
            Enabled = enabled,
            ConsumerKey = Salesforce.ClientId,
            ConsumerSecret = Salesforce.ClientSecret,
            LoginUrl = Salesforce.BaseUrl.ToString(),
            UseClientCredentials = clientCredentials,
            PushCallRecordings = true,
            PushSessionNotes = true,
            PushSessionTranscript = true,
        }, (await config.GetAsync()).Version);
    }

    /// <inheritdoc />
    protected override string IssueAuthorizationCode(string? codeChallenge, Uri redirectUri) => Salesforce.IssueAuthorizationCode(codeChallenge, redirectUri);

    protected override async Task StartDoublesAsync()
    {
        await Salesforce.StartAsync();
        Salesforce.DefineField("Account", "AccountNumber");
        // Defined before the cluster starts: the silo caches describes for minutes, as it would against a real org.
        Salesforce.DefineObject("Ticket__c");
        Salesforce.DefineField("Ticket__c", "Ticket_Number__c");
        Salesforce.DefineField("Ticket__c", "Subject__c");
        Directory.CreateDirectory(RecordingsDirectory);
    }

    protected override Task StopDoublesAsync() => Salesforce.DisposeAsync().AsTask();
}

[CollectionDefinition(Name)]
public sealed class SalesforceCollection : ICollectionFixture<SalesforceClusterFixture>
{
    public const string Name = "salesforce cluster";
}

/// <summary>The Salesforce cluster with circuit breakers that open after a few failures and stay open for minutes.</summary>
public sealed class TrippingSalesforceClusterFixture : SalesforceClusterFixture
{
    protected override void AddConfigurators(Orleans.TestingHost.TestClusterBuilder builder) =>
        builder.AddSiloBuilderConfigurator<TrippingBreakersSiloConfigurator>();
}

[CollectionDefinition(Name)]
public sealed class TrippingSalesforceCollection : ICollectionFixture<TrippingSalesforceClusterFixture>
{
    public const string Name = "salesforce cluster with tripping breakers";
}
