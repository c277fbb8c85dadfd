using ClarityConnect.Connectors.Telemetry;
using OpenTelemetry.Metrics;

namespace ClarityConnect.Observability.Tests;

[Collection(TelemetryCollection.Name)]
public sealed class MetricsTests(TelemetryClusterFixture fixture)
{
    [Fact]
    public async Task Lookups_count_by_exit_and_exports_retries_and_crm_errors_by_target_and_code()
    {
        var known = fixture.NewCustomer();
        var before = fixture.CollectMetrics();
        var sessionId = "otel-metrics-" + Guid.NewGuid().ToString("n");

        // One 503 is retried by the connector; three outlast its retries and fail the lookup of the second caller.
        await SimulatedCall.RunAsync(fixture.Grains, sessionId, known, beforeCompletion: () => fixture.Salesforce.FailNext(1, 503, "SERVER_UNAVAILABLE"));
        await fixture.WaitForExportAsync(sessionId);
        await SimulatedCall.RunAsync(fixture.Grains, "otel-metrics-" + Guid.NewGuid().ToString("n"), CallerData.New());
        fixture.Salesforce.FailNext(3, 503, "SERVER_UNAVAILABLE");
        await SimulatedCall.RunAsync(fixture.Grains, "otel-metrics-" + Guid.NewGuid().ToString("n"), CallerData.New());
        var after = fixture.CollectMetrics();

        long Added(string name, params (string Key, string Value)[] tags) => Sum(after, name, tags) - Sum(before, name, tags);
        var lookup = new[] { (TelemetryTags.Integration, "salesforce"), (TelemetryTags.NodeKind, "CustomerLookup") };
        Assert.Equal(1, Added("clarityconnect.node.runs", [.. lookup, (TelemetryTags.NodeExit, "Match")]));
        Assert.Equal(2, Added("clarityconnect.node.runs", [.. lookup, (TelemetryTags.NodeExit, "NoMatch")]));
        Assert.Equal(3, Added("clarityconnect.node.duration", lookup));
        Assert.Equal(1, Added("clarityconnect.node.failures", [.. lookup, (TelemetryTags.ErrorType, "SERVER_UNAVAILABLE")]));
        Assert.Equal(1, Added("clarityconnect.crm.errors", (TelemetryTags.CrmOperation, "find_customers"), (TelemetryTags.ErrorType, "SERVER_UNAVAILABLE")));
        Assert.True(Added("clarityconnect.connector.retries", (TelemetryTags.Target, "salesforce-rest"), (TelemetryTags.ErrorType, "503")) >= 3);
        Assert.Equal(1, Added("clarityconnect.export.attempts", (TelemetryTags.Target, "salesforce"), (TelemetryTags.Outcome, "success")));
        Assert.Equal(1, Added("clarityconnect.export.items", (TelemetryTags.Target, "salesforce"), (TelemetryTags.ItemKind, "note")));
    }

    // The sum of a counter, or the count of a histogram, over the points carrying all of tags.
    private static long Sum(IEnumerable<MetricSnapshot> metrics, string name, params (string Key, string Value)[] tags)
    {
        long total = 0;
        foreach (var metric in metrics.Where(m => m.Name == name))
        {
            foreach (var point in metric.MetricPoints)
            {
                var values = new Dictionary<string, object?>();
                foreach (var tag in point.Tags)
                {
                    values[tag.Key] = tag.Value;
                }

                if (tags.All(t => Equals(values.GetValueOrDefault(t.Key)?.ToString(), t.Value)))
                {
                    total += metric.MetricType == MetricType.Histogram ? point.GetHistogramCount() : point.GetSumLong();
                }
            }
        }

        return total;
    }
}
