using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Abstractions.Nodes;
using ClarityConnect.Grains.Crm;

namespace ClarityConnect.Observability.Tests;

[Collection(TelemetryCollection.Name)]
public sealed class LogScopeTests(TelemetryClusterFixture fixture)
{
    [Fact]
    public async Task What_a_node_run_logs_names_its_session()
    {
        var sessionId = "otel-scope-" + Guid.NewGuid().ToString("n");
        fixture.Salesforce.Down = true;
        try
        {
            Assert.Equal(NodeExit.NoMatch, (await SimulatedCall.RunAsync(fixture.Grains, sessionId, CallerData.New())).Exit);
        }
        finally
        {
            fixture.Salesforce.Down = false;
        }

        var line = Assert.Single(LogCapture.Instance.Entries.Snapshot(), l =>
            l.Category == typeof(CustomerLookupRunner).FullName && Equals(l.ScopeProperties.GetValueOrDefault("SessionId"), sessionId));
        Assert.Contains("failed", line.Message, StringComparison.Ordinal);
        Assert.Contains("SessionId", line.ScopeProperties.Keys);
    }

    [Fact]
    public async Task What_an_export_logs_names_its_session_and_target()
    {
        var caller = fixture.NewCustomer();
        var sessionId = "otel-export-" + Guid.NewGuid().ToString("n");

        // Three 503s outlast the connector's retries in the test silo: the first attempt fails, the second delivers.
        await SimulatedCall.RunAsync(fixture.Grains, sessionId, caller, beforeCompletion: () => fixture.Salesforce.FailNext(3, 503, "SERVER_UNAVAILABLE"));
        await fixture.WaitForExportAsync(sessionId);

        var failure = LogCapture.Instance.Entries.Snapshot().First(l => l.Message.StartsWith($"Export of session {sessionId} to salesforce failed", StringComparison.Ordinal));
        Assert.Equal(sessionId, failure.ScopeProperties["SessionId"]);
        Assert.Equal(IntegrationNames.Salesforce, failure.ScopeProperties["ExportTarget"]);
    }
}
