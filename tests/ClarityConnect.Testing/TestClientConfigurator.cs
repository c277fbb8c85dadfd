using ClarityConnect.Observability;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace ClarityConnect.Testing;

/// <summary>Configures the test cluster's client as the hosts configure theirs: trace context flows with every grain call.</summary>
public sealed class TestClientConfigurator : IClientBuilderConfigurator
{
    /// <inheritdoc />
    public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) => clientBuilder.AddClarityConnectTelemetry();
}
