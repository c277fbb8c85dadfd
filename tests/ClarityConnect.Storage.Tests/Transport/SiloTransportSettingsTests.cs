using ClarityConnect.ClusterClient;
using ClarityConnect.Silo.Configuration;
using ClarityConnect.Silo.Tls;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace ClarityConnect.Storage.Tests.Transport;

/// <summary>What a silo does with its transport settings before it opens a port.</summary>
public sealed class SiloTransportSettingsTests
{
    private static ClarityConnectOptions PostgreSql(Action<ClarityConnectOptions.ClusterSettings>? cluster = null)
    {
        var options = new ClarityConnectOptions
        {
            Storage = new ClarityConnectOptions.StorageSettings { Profile = StorageProfile.PostgreSql, ConnectionString = "Host=db;Database=cc" },
        };
        cluster?.Invoke(options.Cluster);
        return options;
    }

    [Fact]
    public void A_PostgreSql_silo_without_certificates_refuses_to_start_naming_the_settings()
    {
        var refusal = Assert.Throws<InvalidOperationException>(() => SiloTransport.Resolve(PostgreSql()));

        Assert.DoesNotContain('\n', refusal.Message);
        foreach (var setting in new[] { "ClarityConnect:Cluster:Tls:CertificateFile", "KeyFile", "PfxFile", "ClarityConnect:Cluster:Tls:CaFile", "ClarityConnect:Cluster:AllowInsecureTransport=true" })
        {
            Assert.Contains(setting, refusal.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_certificate_file_without_its_key_is_refused_naming_the_missing_setting()
    {
        var refusal = Assert.Throws<InvalidOperationException>(() => SiloTransport.Resolve(PostgreSql(c => c.Tls = new ClusterTlsSettings
        {
            CertificateFile = "/etc/clarityconnect/silo.crt", CaFile = "/etc/clarityconnect/ca.crt",
        })));

        Assert.Equal("ClarityConnect:Cluster:Tls:KeyFile is required with ClarityConnect:Cluster:Tls:CertificateFile.", refusal.Message);
    }

    [Fact]
    public async Task Allowing_insecure_transport_runs_without_TLS_and_says_so_loudly_at_every_start()
    {
        var transport = SiloTransport.Resolve(PostgreSql(c => c.AllowInsecureTransport = true));
        var logs = new ListLogger();

        await new TransportReport(transport, Options.Create(new EndpointOptions { AdvertisedIPAddress = System.Net.IPAddress.Loopback }), logs)
            .StartAsync(CancellationToken.None);

        Assert.Null(transport.Certificates);
        var warning = Assert.Single(logs.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("INSECURE TRANSPORT", warning.Message, StringComparison.Ordinal);
        Assert.Contains("ClarityConnect:Cluster:AllowInsecureTransport=true", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(StorageProfile.PostgreSql, "not-an-ip", "is not an IP address")]
    [InlineData(StorageProfile.Embedded, "0.0.0.0", "listens on loopback only")]
    public void A_bad_listen_address_is_refused_naming_the_setting(StorageProfile profile, string address, string problem)
    {
        var options = new ClarityConnectOptions
        {
            Storage = new ClarityConnectOptions.StorageSettings { Profile = profile, ConnectionString = "Host=db;Database=cc" },
            Cluster = new ClarityConnectOptions.ClusterSettings { ListenAddress = address },
        };

        var error = Assert.Single(ClarityConnectOptionsValidator.Validate(options));
        Assert.Contains("ClarityConnect:Cluster:ListenAddress", error, StringComparison.Ordinal);
        Assert.Contains(problem, error, StringComparison.Ordinal);
    }

    private sealed class ListLogger : ILogger<TransportReport>
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception)));
    }
}
