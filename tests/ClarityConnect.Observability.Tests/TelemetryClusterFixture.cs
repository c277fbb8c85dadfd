using System.Diagnostics;
using System.Text.Json.Nodes;
using ClarityConnect.Abstractions.Exports;
using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.TestDoubles.Salesforce;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Orleans.TestingHost;

namespace ClarityConnect.Observability.Tests;

/// <summary>
/// A cluster with the real Salesforce connector against a <see cref="SalesforceDouble"/> (client-credentials flow, with
/// a consumer key and secret of its own), and one tracer and one meter provider for the whole process, configured as
/// the hosts configure theirs, exporting to memory. OpenTelemetry's listeners are process-wide and the test cluster's
/// silos and client share the process, so tests look at the spans of their own trace.
/// </summary>
public sealed class TelemetryClusterFixture : ClusterFixture
{
    private TracerProvider? _tracing;
    private MeterProvider? _metering;
    private readonly LockedCollection<MetricSnapshot> _metrics = new();

    /// <summary>The Salesforce double, with a consumer key and secret no other test uses.</summary>
    public SalesforceDouble Salesforce { get; } = new("otel-consumer-key-" + Guid.NewGuid().ToString("n"), "otel-consumer-secret-" + Guid.NewGuid().ToString("n"));

    /// <summary>Every span that ended, redacted as the hosts' exporters see them.</summary>
    public LockedCollection<Activity> Spans { get; } = new();

    /// <summary>Folder the platform reads recordings from.</summary>
    public string RecordingsDirectory => Path.Combine(DataDirectory, "recordings");

    /// <summary>Every metric recorded since the start (cumulative), as an exporter would receive it now.</summary>
    public IReadOnlyList<MetricSnapshot> CollectMetrics()
    {
        _metrics.Clear();
        _metering!.ForceFlush();
        return _metrics.Snapshot();
    }

    /// <summary>A new caller who is a contact in Salesforce.</summary>
    public CallerData NewCustomer()
    {
        var caller = CallerData.New();
        Salesforce.AddRecord("Contact", new JsonObject { ["LastName"] = caller.LastName, ["Phone"] = caller.CrmPhone });
        return caller;
    }

    /// <summary>Waits until the Salesforce export of <paramref name="sessionId"/> is done.</summary>
    public Task WaitForExportAsync(string sessionId)
    {
        var export = Grains.GetGrain<IExportGrain>($"{IntegrationNames.Salesforce}/{sessionId}");
        return Eventually.TrueAsync(async () => (await export.GetStatusAsync()).State == ExportState.Done, "the export is done", TimeSpan.FromSeconds(60));
    }

    protected override void AddConfigurators(TestClusterBuilder builder) => builder.AddSiloBuilderConfigurator<LogCaptureConfigurator>();

    protected override Task StartDoublesAsync()
    {
        _tracing = Sdk.CreateTracerProviderBuilder()
            .SetSampler(new AlwaysOnSampler())
            .AddClarityConnectInstrumentation()
            .AddInMemoryExporter(Spans)
            .Build();
        _metering = Sdk.CreateMeterProviderBuilder()
            .AddClarityConnectInstrumentation()
            .AddInMemoryExporter(_metrics)
            .Build();
        Directory.CreateDirectory(RecordingsDirectory);
        return Salesforce.StartAsync();
    }

    protected override async Task ConfigureIntegrationsAsync()
    {
        var config = Grains.GetGrain<IIntegrationConfigGrain>(IntegrationNames.Salesforce);
        await config.UpdateAsync(new SalesforceSettings
        {
            Enabled = true,
            UseClientCredentials = true,
            ConsumerKey = Salesforce.ClientId,
            ConsumerSecret = Salesforce.ClientSecret,
            LoginUrl = Salesforce.BaseUrl.ToString(),
            PushSessionNotes = true,
        }, (await config.GetAsync()).Version);
        await ConfigurePlatformAsync(RecordingsDirectory);
    }

    protected override async Task StopDoublesAsync()
    {
        await Salesforce.DisposeAsync();
        _tracing?.Dispose();
        _metering?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class TelemetryCollection : ICollectionFixture<TelemetryClusterFixture>
{
    public const string Name = "telemetry cluster";
}
