using ClarityConnect.Connectors.Dataverse;
using ClarityConnect.Connectors.Http;
using ClarityConnect.Connectors.OAuth;
using ClarityConnect.Connectors.Tests.OAuth;
using ClarityConnect.TestDoubles.Dataverse;
using Microsoft.Extensions.DependencyInjection;

namespace ClarityConnect.Connectors.Tests.Dataverse;

/// <summary>A started <see cref="DataverseDouble"/> and a connector wired to it through DI, with millisecond retry delays.</summary>
public sealed class DataverseHarness : IAsyncDisposable
{
    private DataverseHarness(DataverseDouble dataverse, TestCredentialsSource<DataverseCredentials> credentials, ShiftedTimeProvider clock, ServiceProvider services)
    {
        Double = dataverse;
        Credentials = credentials;
        Clock = clock;
        Services = services;
    }

    public DataverseDouble Double { get; }

    public TestCredentialsSource<DataverseCredentials> Credentials { get; }

    public ShiftedTimeProvider Clock { get; }

    public ServiceProvider Services { get; }

    /// <summary>The live lane's client (lookups).</summary>
    public DataverseClient Client => Services.GetRequiredKeyedService<DataverseClient>(HttpLane.Live);

    /// <summary>The background lane's client (exports).</summary>
    public DataverseClient BackgroundClient => Services.GetRequiredKeyedService<DataverseClient>(HttpLane.Background);

    public DataverseOAuthClient OAuth => Services.GetRequiredService<DataverseOAuthClient>();

    public static async Task<DataverseHarness> StartAsync(Action<DataverseConnectorOptions>? configure = null, bool clientCredentials = false, string clientSecret = DataverseDouble.DefaultClientSecret)
    {
        var dataverse = new DataverseDouble(clientSecret: clientSecret);
        await dataverse.StartAsync();
        var credentials = new TestCredentialsSource<DataverseCredentials>(new DataverseCredentials
        {
            InstanceUrl = dataverse.BaseUrl,
            AuthorizationUrl = dataverse.AuthorizationUrl,
            TokenUrl = dataverse.TokenUrl,
            ClientId = dataverse.ClientId,
            ClientSecret = dataverse.ClientSecret,
            RefreshToken = clientCredentials ? null : dataverse.IssueRefreshToken(),
            RequestTimeout = TimeSpan.FromSeconds(10),
        });
        var clock = new ShiftedTimeProvider();
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(clock)
            .AddSingleton<ICrmCredentialsSource<DataverseCredentials>>(credentials)
            .AddDataverseConnector(options =>
            {
                options.RetryBaseDelay = TimeSpan.FromMilliseconds(1);
                options.MaxRetryDelay = TimeSpan.FromMilliseconds(5);
                options.MaxRetryAfter = TimeSpan.FromMilliseconds(5);
                options.MaxRetryAttempts = 3;
                options.CircuitBreakerMinimumThroughput = 1000;
                configure?.Invoke(options);
            })
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        return new DataverseHarness(dataverse, credentials, clock, services);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Double.DisposeAsync();
    }
}
