using ClarityConnect.ClusterClient;
using ClarityConnect.Observability;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace ClarityConnect.Testing;

/// <summary>
/// Configures the test cluster's client as the hosts configure theirs: on real sockets mutual TLS with the client
/// certificate the silos made in the data folder, and trace context flowing with every grain call.
/// </summary>
public sealed class TestClientConfigurator : IClientBuilderConfigurator
{
    /// <inheritdoc />
    public void Configure(IConfiguration configuration, IClientBuilder clientBuilder)
    {
        var dataDirectory = configuration[TestSiloConfigurator.DataDirectoryKey] ?? throw new InvalidOperationException("No data folder given");
        if (bool.TryParse(configuration[TestSiloConfigurator.MutualTlsKey], out var tls) && tls)
        {
            clientBuilder.UseClusterTls(ClusterCertificates.Load(
                new ClusterTlsSettings { Directory = Path.Combine(dataDirectory, ClientCertificateLocator.DataSubdirectory) }, ClusterRole.Client));
        }

        clientBuilder.AddClarityConnectTelemetry();
    }
}
