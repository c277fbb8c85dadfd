using System.Diagnostics.Metrics;
using System.Text;
using ClarityConnect.Connectors.Salesforce;
using ClarityConnect.Connectors.Telemetry;

namespace ClarityConnect.Connectors.Tests.Salesforce;

public sealed class SalesforceLaneTests
{
    [Fact]
    public async Task Failing_uploads_open_only_the_background_breaker_whose_refusals_name_salesforces_answer()
    {
        await using var harness = await SalesforceHarness.StartAsync(o =>
        {
            o.MaxRetryAttempts = 1;
            o.CircuitBreakerMinimumThroughput = 2;
            o.CircuitBreakerBreakDuration = TimeSpan.FromMinutes(5);
        });
        var contact = harness.Double.AddRecord("Contact", new() { ["LastName"] = "Lane" });
        using var opened = new BreakerOpenings();
        using var uploads = harness.Double.FailEvery(r => r.Method == "POST", 503, "SERVER_UNAVAILABLE", "Server is unavailable or overloaded");

        var first = await Assert.ThrowsAsync<SalesforceApiException>(() => UploadAsync(harness, contact));
        var refused = await Assert.ThrowsAsync<SalesforceUnavailableException>(() => UploadAsync(harness, contact));
        var page = await harness.Client.QueryAsync("SELECT Id FROM Contact", CancellationToken.None);

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, first.StatusCode);
        Assert.Equal(
            "Salesforce is being given a rest: too many of its background calls failed, so the circuit breaker holds them back for another 5 min. " +
            "The failure that opened it: Salesforce answered 503 Service Unavailable; SERVER_UNAVAILABLE: Server is unavailable or overloaded",
            refused.Message);
        Assert.Equal(1, page.TotalSize);
        Assert.Equal(["background"], opened.Lanes);
    }

    private static Task<string> UploadAsync(SalesforceHarness harness, string recordId) =>
        harness.BackgroundClient.CreateContentVersionAsync("Recording", "call.wav", recordId, new MemoryStream(Encoding.ASCII.GetBytes("RIFF")), 4, CancellationToken.None);

    /// <summary>The lane tag of every <c>clarityconnect.connector.circuit_opened</c> measurement while it listens.</summary>
    private sealed class BreakerOpenings : IDisposable
    {
        private readonly MeterListener listener = new();
        private readonly List<string> lanes = [];

        public BreakerOpenings()
        {
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Name == "clarityconnect.connector.circuit_opened")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag.Key == TelemetryTags.Lane)
                    {
                        lock (lanes)
                        {
                            lanes.Add((string)tag.Value!);
                        }
                    }
                }
            });
            listener.Start();
        }

        public IReadOnlyList<string> Lanes
        {
            get
            {
                lock (lanes)
                {
                    return lanes.ToList();
                }
            }
        }

        public void Dispose() => listener.Dispose();
    }
}
