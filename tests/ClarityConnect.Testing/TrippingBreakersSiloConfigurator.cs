using ClarityConnect.Connectors.Dataverse;
using ClarityConnect.Connectors.Http;
using ClarityConnect.Connectors.Salesforce;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace ClarityConnect.Testing;

/// <summary>Makes the CRM connectors' circuit breakers open after a few failed attempts and stay open for minutes, so a
/// test can watch what an open breaker does (the other fixtures keep them shut with a huge minimum throughput).</summary>
public sealed class TrippingBreakersSiloConfigurator : ISiloConfigurator
{
    /// <inheritdoc />
    public void Configure(ISiloBuilder silo)
    {
        silo.Services.Configure<SalesforceConnectorOptions>(Trip);
        silo.Services.Configure<DataverseConnectorOptions>(Trip);
    }

    private static void Trip(HttpConnectorOptions options)
    {
        options.CircuitBreakerMinimumThroughput = 4;
        options.CircuitBreakerFailureRatio = 0.5;
        options.CircuitBreakerSamplingDuration = TimeSpan.FromMinutes(1);
        options.CircuitBreakerBreakDuration = TimeSpan.FromMinutes(10);
    }
}
