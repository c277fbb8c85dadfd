using ClarityConnect.Connectors.Http;
using ClarityConnect.Connectors.OAuth;
using ClarityConnect.Connectors.Salesforce;
using ClarityConnect.Connectors.Tests.OAuth;
using ClarityConnect.TestDoubles.Salesforce;
using Microsoft.Extensions.DependencyInjection;

namespace ClarityConnect.Connectors.Tests.Salesforce;

/// <summary>A started <see cref="SalesforceDouble"/> and a connector wired to it through DI, with millisecond retry delays.</summary>
public sealed class SalesforceHarness : IAsyncDisposable
{
    private SalesforceHarness(SalesforceDouble salesforce, TestCredentialsSource<SalesforceCredentials> credentials, ServiceProvider services)
    {
        Double = salesforce;
        Credentials = credentials;
        Services = services;
    }

    public SalesforceDouble Double { get; }

    public TestCredentialsSource<SalesforceCredentials> Credentials { get; }

    public ServiceProvider Services { get; }

    /// <summary>The live lane's client (lookups).</summary>
    public SalesforceClient Client => Services.GetRequiredKeyedService<SalesforceClient>(HttpLane.Live);

    /// <summary>The background lane's client (exports).</summary>
    public SalesforceClient BackgroundClient => Services.GetRequiredKeyedService<SalesforceClient>(HttpLane.Background);

    public SalesforceOAuthClient OAuth => Services.GetRequiredService<SalesforceOAuthClient>();

    public static async Task<SalesforceHarness> StartAsync(Action<SalesforceConnectorOptions>? configure = null, bool clientCredentials = false, string clientSecret = SalesforceDouble.DefaultClientSecret)
    {
        var salesforce = new SalesforceDouble(clientSecret: clientSecret);
        await salesforce.StartAsync();
        var credentials = new TestCredentialsSource<SalesforceCredentials>(new SalesforceCredentials
        {
            LoginUrl = salesforce.BaseUrl,
            ConsumerKey = salesforce.ClientId,
            ConsumerSecret = salesforce.ClientSecret,
            RefreshToken = clientCredentials ? null : salesforce.IssueRefreshToken(),
            ApiVersion = "62.0",
            RequestTimeout = TimeSpan.FromSeconds(10),
        });
        var services = new ServiceCollection()
            .AddSingleton<ICrmCredentialsSource<SalesforceCredentials>>(credentials)
            .AddSalesforceConnector(options =>
            {
                options.RetryBaseDelay = TimeSpan.FromMilliseconds(1);
                options.MaxRetryDelay = TimeSpan.FromMilliseconds(5);
                options.MaxRetryAfter = TimeSpan.FromMilliseconds(5);
                options.MaxRetryAttempts = 3;
                options.CircuitBreakerMinimumThroughput = 1000;
                configure?.Invoke(options);
            })
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        return new SalesforceHarness(salesforce, credentials, services);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Double.DisposeAsync();
    }
}
