using ClarityConnect.Connectors.Dataverse;
using ClarityConnect.Connectors.Salesforce;
using ClarityConnect.Grains.Csi;
using ClarityConnect.Grains.Events;
using ClarityConnect.Grains.Exports;
using ClarityConnect.Silo.Configuration;
using ClarityConnect.Silo.Tls;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace ClarityConnect.Testing;

/// <summary>Configures a test silo as the host does on the embedded profile (mutual TLS on real sockets), with retries and redelivery in milliseconds instead of minutes.</summary>
public sealed class TestSiloConfigurator : ISiloConfigurator
{
    /// <summary>The test cluster property holding the data folder.</summary>
    public const string DataDirectoryKey = "ClarityConnectDataDirectory";

    /// <summary>The test cluster property that turns mutual TLS on (<c>true</c>): set for clusters on real sockets.</summary>
    public const string MutualTlsKey = "ClarityConnectMutualTls";

    /// <inheritdoc />
    public void Configure(ISiloBuilder silo)
    {
        var dataDirectory = silo.Configuration[DataDirectoryKey] ?? throw new InvalidOperationException("No data folder given");
        // On real sockets, mutual TLS as the embedded host runs it, with the certificates it makes in its data folder.
        // Not on the in-memory transport: there a three-silo cluster stops answering after KillSiloAsync with TLS on
        // (docs/decisions.md, issue 12), and nothing outside the test process can reach an in-memory gateway anyway.
        if (bool.TryParse(silo.Configuration[MutualTlsKey], out var tls) && tls)
        {
            silo.AddClarityConnectTransport(SiloTransport.Embedded(dataDirectory, "clarityconnect-tests"));
        }

        silo.AddClarityConnectStorage(new ClarityConnectOptions.StorageSettings { DataDirectory = dataDirectory })
            .AddClarityConnectCore();
        silo.Services.Configure<ChangeEventOptions>(o =>
        {
            o.RedeliveryPeriod = TimeSpan.FromSeconds(2);
            // Far below the period, so a tick rarely republishes an event whose acknowledgement is on its way.
            o.AcknowledgementDelay = TimeSpan.FromMilliseconds(100);
        });
        silo.Services.Configure<ExportOptions>(o =>
        {
            o.FirstRetryDelay = TimeSpan.FromMilliseconds(100);
            o.MaxAttempts = 4;
            o.ReminderPeriod = TimeSpan.FromSeconds(2);
        });
        silo.Services.Configure<CsiEventOptions>(o =>
        {
            o.MaxBatchAge = TimeSpan.FromMilliseconds(100);
            o.FirstRetryDelay = TimeSpan.FromMilliseconds(100);
            o.MaxRetryDelay = TimeSpan.FromMilliseconds(400);
        });
        silo.Services.Configure<SalesforceConnectorOptions>(o =>
        {
            // A busy test machine must not turn a slow first lookup (token, describes, JIT) into a No Match.
            o.LookupTimeout = TimeSpan.FromSeconds(30);
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(5);
            o.MaxRetryDelay = TimeSpan.FromMilliseconds(20);
            o.MaxRetryAfter = TimeSpan.FromMilliseconds(20);
            o.MaxRetryAttempts = 2;
            o.CircuitBreakerMinimumThroughput = 1000;
        });
        silo.Services.Configure<DataverseConnectorOptions>(o =>
        {
            // A busy test machine must not turn a slow first lookup (token, describes, JIT) into a No Match.
            o.LookupTimeout = TimeSpan.FromSeconds(30);
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(5);
            o.MaxRetryDelay = TimeSpan.FromMilliseconds(20);
            o.MaxRetryAfter = TimeSpan.FromMilliseconds(20);
            o.MaxRetryAttempts = 2;
            o.CircuitBreakerMinimumThroughput = 1000;
        });
    }
}
