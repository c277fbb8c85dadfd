using System.Diagnostics;
using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Abstractions.Nodes;
using ClarityConnect.Abstractions.Sessions;
using ClarityConnect.Connectors.Telemetry;
using OpenTelemetry.Metrics;

namespace ClarityConnect.Observability.Tests;

[Collection(TelemetryCollection.Name)]
public sealed class PersonalDataTests(TelemetryClusterFixture fixture)
{
    private static readonly CustomerLookupNode Remembering = new()
    {
        NodeId = "lookup", Integration = IntegrationNames.Salesforce, FreshLookupOnEachCall = false, DaysToGoBack = 1,
    };

    [Fact]
    public async Task No_phone_number_caller_name_or_secret_reaches_a_span_or_a_metric()
    {
        // A caller found by number (and remembered for reuse), one searched by number, address and name in vain, and
        // one whose search Salesforce refuses with an error quoting the caller; a grain call refused with the caller's
        // name in its message. Every query string carries caller data; so do grain keys that are not hashed.
        var known = fixture.NewCustomer();
        var unknown = CallerData.New();
        var refused = CallerData.New();
        var knownSession = "otel-known-" + Guid.NewGuid().ToString("n");
        Assert.Equal(NodeExit.Match, (await SimulatedCall.RunAsync(fixture.Grains, knownSession, known, Remembering)).Exit);
        var againSession = "otel-again-" + Guid.NewGuid().ToString("n");
        Assert.True((await SimulatedCall.RunAsync(fixture.Grains, againSession, known, Remembering)).ReusedEarlierRecord);
        Assert.Equal(NodeExit.NoMatch, (await SimulatedCall.RunAsync(fixture.Grains, "otel-unknown-" + Guid.NewGuid().ToString("n"), unknown)).Exit);
        // The injected failure is for the next request the double gets: no export of the calls above may take it.
        await fixture.WaitForExportAsync(knownSession);
        await fixture.WaitForExportAsync(againSession);
        fixture.Salesforce.FailNext(1, 400, "MALFORMED_QUERY", $"unexpected token: '{refused.LastName}' near {refused.AreaCode}{refused.Exchange}{refused.Line}");
        Assert.Equal(NodeExit.NoMatch, (await SimulatedCall.RunAsync(fixture.Grains, "otel-refused-" + Guid.NewGuid().ToString("n"), refused)).Exit);
        var open = fixture.Grains.GetGrain<ISessionGrain>("otel-open-" + Guid.NewGuid().ToString("n"));
        await open.StartAsync(new SessionStart { Channel = SessionChannel.Voice });
        await Assert.ThrowsAsync<InvalidRequestException>(() => open.SetExtraItemsAsync(new Dictionary<string, string> { [SystemExtraItems.Prefix + refused.LastName] = refused.PhoneNumber }));
        await Eventually.TrueAsync(() => Task.FromResult(fixture.Spans.Any(s => s.DisplayName == "export salesforce" && Equals(s.GetTagItem(TelemetryTags.SessionId), knownSession))),
            "the export's span arrived", TimeSpan.FromSeconds(30));

        var forbidden = known.PersonalValues.Concat(unknown.PersonalValues).Concat(refused.PersonalValues).Concat(Secrets()).ToList();
        var spans = fixture.Spans.Snapshot();
        var metrics = fixture.CollectMetrics();

        Assert.Contains(spans, s => s.Source.Name == "System.Net.Http" && ((string?)s.GetTagItem("url.full"))?.Contains("/search", StringComparison.Ordinal) == true);
        Assert.Contains(spans, s => s.DisplayName == "crm find_customers" && Equals(s.GetTagItem(TelemetryTags.ErrorType), "MALFORMED_QUERY"));
        Assert.Contains(spans, s => s.DisplayName.EndsWith("/SetExtraItemsAsync", StringComparison.Ordinal) && s.Status == ActivityStatusCode.Error);
        Assert.Contains(metrics, m => m.Name == "clarityconnect.node.runs");
        foreach (var (where, text) in spans.SelectMany(SpanTexts).Concat(metrics.SelectMany(MetricTexts)))
        {
            var leaked = forbidden.FirstOrDefault(value => text.Contains(value, StringComparison.OrdinalIgnoreCase));
            Assert.True(leaked is null, $"'{leaked}' appears in {where}: {text}");
        }
    }

    private IEnumerable<string> Secrets()
    {
        yield return fixture.Salesforce.ClientSecret;
        yield return fixture.Salesforce.ClientId;
        yield return File.ReadAllText(Path.Combine(fixture.DataDirectory, "secrets.key")).Trim();
        foreach (var token in fixture.Salesforce.Requests.Select(r => r.BearerToken).OfType<string>().Distinct())
        {
            yield return token;
        }
    }

    private static IEnumerable<(string Where, string Text)> SpanTexts(Activity span)
    {
        var where = $"span '{span.DisplayName}' ({span.Source.Name})";
        yield return (where + " name", span.DisplayName);
        yield return (where + " operation", span.OperationName);
        yield return (where + " status", span.StatusDescription ?? "");
        yield return (where + " trace state", span.TraceStateString ?? "");
        foreach (var (key, value) in span.TagObjects.Concat(span.Baggage.Select(b => new KeyValuePair<string, object?>(b.Key, b.Value))))
        {
            yield return ($"{where} tag {key}", $"{key}={value}");
        }

        foreach (var item in span.Events)
        {
            yield return ($"{where} event", item.Name + string.Concat(item.Tags.Select(t => $" {t.Key}={t.Value}")));
        }

        foreach (var link in span.Links)
        {
            yield return ($"{where} link", string.Concat((link.Tags ?? []).Select(t => $" {t.Key}={t.Value}")));
        }
    }

    private static IEnumerable<(string Where, string Text)> MetricTexts(MetricSnapshot metric)
    {
        yield return ($"metric {metric.Name}", $"{metric.Name} {metric.Unit} {metric.Description} {metric.MeterName}");
        foreach (var point in metric.MetricPoints)
        {
            foreach (var tag in point.Tags)
            {
                yield return ($"metric {metric.Name} tag {tag.Key}", $"{tag.Key}={tag.Value}");
            }
        }
    }
}
