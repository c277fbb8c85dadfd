using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClarityConnect.Abstractions.Nodes;
using ClarityConnect.Abstractions.Sessions;
using ClarityConnect.Bench.Cluster;
using ClarityConnect.Bench.Reporting;
using ClarityConnect.Simulator.Calls;
using ClarityConnect.Simulator.Reporting;

namespace ClarityConnect.Bench.Lifecycles;

/// <summary>
/// Repeat callers: each caller calls twice. The first session runs the lookup fresh (the Salesforce double is searched,
/// the match remembered), the second with fresh lookup off (the earlier record is reused). Beside them, the same SOSL
/// search goes straight to the double, so what the lookup adds over the CRM's own answer can be read off.
/// </summary>
public sealed class RepeatCallerRunner(BenchHost host, ProcessMeter process)
{
    private const string Fresh = "FreshLookup";
    private const string Reused = "ReusedLookup";
    private const string Direct = "CrmDoubleAnswer";

    /// <summary>Runs <paramref name="callers"/> callers twice each, and as many direct searches, <paramref name="concurrency"/> at a time;
    /// <paramref name="label"/> names the run's sessions (a warm-up and the measured run use different ones).</summary>
    public async Task<RepeatCallers> RunAsync(int callers, int concurrency, string label = "repeat")
    {
        var latencies = new LatencyRecorder();
        var caller = new GrainCaller(latencies, TimeSpan.FromSeconds(30));
        var numbers = Enumerable.Range(0, callers).Select(i => host.CallerNumbers[i % host.CallerNumbers.Count]).ToList();
        var fresh = VoiceLifecycle.Lookup with { FreshLookupOnEachCall = true };
        var reuse = VoiceLifecycle.Lookup with { FreshLookupOnEachCall = false, DaysToGoBack = 7 };
        var freshCost = process.Start();
        await LookUpAsync(caller, numbers, concurrency, $"{label}-first", Fresh, fresh);
        var freshProcess = freshCost.Stop(callers);
        var reusedCost = process.Start();
        await LookUpAsync(caller, numbers, concurrency, $"{label}-again", Reused, reuse);
        var reusedProcess = reusedCost.Stop(callers);
        await SearchDirectlyAsync(latencies, numbers, concurrency);

        var figures = latencies.Summarize([Fresh, Reused, Direct]).ToDictionary(f => f.Operation);
        return new RepeatCallers
        {
            Concurrency = concurrency,
            Callers = callers,
            FreshLookup = figures[Fresh],
            ReusedLookup = figures[Reused],
            CrmDoubleAnswer = figures[Direct],
            LookupAddsP99Ms = Math.Round(figures[Fresh].P99 - figures[Direct].P99, 2),
            FreshLookupProcess = freshProcess,
            ReusedLookupProcess = reusedProcess,
        };
    }

    private async Task LookUpAsync(GrainCaller caller, List<string> numbers, int concurrency, string pass, string operation, CustomerLookupNode node)
    {
        await Parallel.ForEachAsync(Enumerable.Range(0, numbers.Count), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, _) =>
        {
            var session = host.Grains.GetGrain<ISessionGrain>($"{host.RunId}-{pass}-{i:00000}");
            await session.StartAsync(VoiceLifecycle.Start(numbers[i]));
            var outcome = await caller.InvokeAsync(operation, () => session.RunNodeAsync(node), CancellationToken.None);
            if (outcome.Exit != NodeExit.Match || outcome.ReusedEarlierRecord != (operation == Reused))
            {
                throw new InvalidOperationException($"{operation} of {numbers[i]}: {outcome.Exit}, reused {outcome.ReusedEarlierRecord}: {outcome.Reason}");
            }
        });
    }

    // The search the Salesforce adapter sends for a phone number, sent by a plain HttpClient with a client-credentials token.
    private async Task SearchDirectlyAsync(LatencyRecorder latencies, List<string> numbers, int concurrency)
    {
        using var http = new HttpClient { BaseAddress = host.Salesforce.BaseUrl };
        using var tokenResponse = await http.PostAsync("/services/oauth2/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = host.Salesforce.ClientId, ["client_secret"] = host.Salesforce.ClientSecret,
        }));
        var token = (await tokenResponse.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!.GetValue<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, numbers.Count), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, _) =>
        {
            var digits = new string(numbers[i].Where(char.IsDigit).ToArray())[1..];
            var sosl = $"FIND {{\"{digits}\" OR \"1{digits}\"}} IN PHONE FIELDS RETURNING Contact(Id, Name, Phone, MobilePhone, Email, Account.Name, LastModifiedDate), Account(Id, Name, Phone, LastModifiedDate)";
            using var request = new HttpRequestMessage(HttpMethod.Get, "/services/data/v62.0/search/?q=" + Uri.EscapeDataString(sosl));
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            var started = Stopwatch.GetTimestamp();
            using var response = await http.SendAsync(request);
            await response.EnsureSuccessStatusCode().Content.ReadAsByteArrayAsync();
            latencies.Record(Direct, Stopwatch.GetElapsedTime(started));
        });
    }
}
