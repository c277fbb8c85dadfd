using System.Diagnostics;
using ClarityConnect.Abstractions.Nodes;
using ClarityConnect.Connectors.Telemetry;

namespace ClarityConnect.Observability.Tests;

[Collection(TelemetryCollection.Name)]
public sealed class CallTraceTests(TelemetryClusterFixture fixture)
{
    [Fact]
    public async Task One_call_is_one_trace_from_the_client_through_the_session_the_node_and_the_crm_request_to_the_export()
    {
        var caller = fixture.NewCustomer();
        var sessionId = "otel-" + Guid.NewGuid().ToString("n");
        ActivityTraceId traceId;
        using (var call = ClarityConnectTelemetry.ActivitySource.StartActivity("test call"))
        {
            traceId = call!.TraceId;
            Assert.Equal(NodeExit.Match, (await SimulatedCall.RunAsync(fixture.Grains, sessionId, caller)).Exit);
        }

        await fixture.WaitForExportAsync(sessionId);
        TraceTree trace = null!;
        // A span is exported when it ends, and a parent ends after its children: the consumer that starts the export
        // (and runs its first attempt) ends after the export's span, so wait until the export hangs from the call.
        await Eventually.TrueAsync(() => Task.FromResult(
                (trace = TraceTree.Of(fixture.Spans, traceId)).Spans.Any(s => s.DisplayName == "test call")
                && trace.Spans.Any(s => s.DisplayName == "export salesforce" && trace.IsBelow(s, trace.Spans.First(r => r.DisplayName == "test call")))),
            "the export's span arrived below the call", TimeSpan.FromSeconds(30));

        var root = Assert.Single(trace.Spans, s => s.DisplayName == "test call");
        var client = Single(trace, s => s.Kind == ActivityKind.Client && s.DisplayName.EndsWith("/RunNodeAsync", StringComparison.Ordinal));
        var server = Single(trace, s => s.Kind == ActivityKind.Server && s.DisplayName.EndsWith("/RunNodeAsync", StringComparison.Ordinal));
        var node = Single(trace, s => s.DisplayName == "node CustomerLookup");
        var lookup = Single(trace, s => s.DisplayName == "crm find_customers");
        var search = Single(trace, s => s.Source.Name == "System.Net.Http" && trace.Parent(s) == lookup && (string?)s.GetTagItem("http.request.method") == "GET");
        var exportAttempt = Single(trace, s => s.DisplayName == "export salesforce");
        var note = Single(trace, s => s.DisplayName == "deliver note");
        var notePost = trace.Spans.Where(s => s.Source.Name == "System.Net.Http" && trace.IsBelow(s, note)).ToList();

        var message = trace.ToString();
        Assert.True(trace.Parent(client) == root, message);
        Assert.True(trace.Parent(server) == client, message);
        Assert.True(trace.Parent(node) == server, message);
        Assert.True(trace.Parent(lookup) == node, message);
        Assert.True(trace.IsBelow(exportAttempt, root), message);
        Assert.True(trace.Parent(note) == exportAttempt, message);
        Assert.True(notePost.Count > 0, message);
        Assert.Equal("Match", node.GetTagItem(TelemetryTags.NodeExit));
        Assert.Equal("salesforce", node.GetTagItem(TelemetryTags.Integration));
        Assert.Equal("success", exportAttempt.GetTagItem(TelemetryTags.Outcome));
        Assert.EndsWith("/search/", (string)search.GetTagItem("url.full")!, StringComparison.Ordinal);
    }

    private static Activity Single(TraceTree trace, Func<Activity, bool> predicate)
    {
        var found = trace.Spans.Where(predicate).ToList();
        Assert.True(found.Count == 1, $"expected one such span, found {found.Count}, in:\n{trace}");
        return found[0];
    }
}
