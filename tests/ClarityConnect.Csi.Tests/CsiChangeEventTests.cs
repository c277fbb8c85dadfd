using System.Net;
using ClarityConnect.Abstractions.Agents;
using ClarityConnect.Abstractions.Sessions;
using ClarityConnect.Grains.Csi;

namespace ClarityConnect.Csi.Tests;

[Collection(CsiCollection.Name)]
public sealed class CsiChangeEventTests(CsiClusterFixture fixture)
{
    [Fact]
    public async Task Every_session_and_agent_event_reaches_csi_in_order_and_in_batches()
    {
        var run = Run();
        await Task.WhenAll(Enumerable.Range(0, 12).Select(i => CallAsync($"{run}-s{i}", $"{run}-a{i}")));

        var expected = await ExpectedAsync(run, 12);
        await WaitForAsync(expected);

        Assert.True(fixture.Csi.Batches.Count < expected.Values.Sum(), $"{fixture.Csi.Batches.Count} requests for {expected.Values.Sum()} events: events are batched");
        var first = fixture.Csi.Events.First(e => (string?)e["entityId"] == $"{run}-s0");
        Assert.Equal(($"session/{run}-s0/1", "SessionChanged", "New", "Voice"), ((string?)first["idempotencyKey"], (string?)first["type"], (string?)first["newStatus"], (string?)first["channel"]));
    }

    [Fact]
    public async Task Events_wait_durably_while_csi_is_down_and_flow_in_order_when_it_is_back()
    {
        var run = Run();
        await fixture.Csi.StopAsync();
        try
        {
            await Task.WhenAll(Enumerable.Range(0, 4).Select(i => CallAsync($"{run}-s{i}", $"{run}-a{i}")));
            await Eventually.TrueAsync(async () => await PendingAsync() > 0, "events wait in the CSI queues");
        }
        finally
        {
            await fixture.Csi.StartAsync();
        }

        await WaitForAsync(await ExpectedAsync(run, 4));
    }

    [Fact]
    public async Task Events_refused_by_a_failing_csi_are_retried_until_it_accepts_them()
    {
        var run = Run();
        fixture.Csi.FailWith = HttpStatusCode.ServiceUnavailable;
        try
        {
            await CallAsync($"{run}-s0", $"{run}-a0");
            await Eventually.TrueAsync(() => Task.FromResult(fixture.Csi.RequestCount > 1), "CSI refused some attempts");
        }
        finally
        {
            fixture.Csi.FailWith = null;
        }

        await WaitForAsync(await ExpectedAsync(run, 1));
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public async Task With_the_integration_or_the_toggle_off_nothing_is_sent_and_nothing_piles_up(bool enabled, bool sendEvents)
    {
        await fixture.ConfigureAsync(s => s with { Enabled = enabled, SendChangeEvents = sendEvents });
        try
        {
            var run = Run();
            var before = fixture.Csi.RequestCount;
            await CallAsync($"{run}-s0", $"{run}-a0");
            var session = await fixture.Grains.GetGrain<ISessionGrain>($"{run}-s0").GetAsync();
            await Eventually.TrueAsync(async () =>
                (await fixture.Grains.GetGrain<Abstractions.Events.ICsiPusherGrain>(Abstractions.Events.ChangeStreams.SessionKey(session.SessionId)).GetProgressAsync()).HandledSequence == session.EventSequence,
                "the CSI pusher handled every event");

            Assert.Equal(before, fixture.Csi.RequestCount);
            Assert.Equal(0, await PendingAsync());
        }
        finally
        {
            await fixture.ConfigureAsync(s => s);
        }
    }

    private async Task CallAsync(string sessionId, string agentId)
    {
        var session = fixture.Grains.GetGrain<ISessionGrain>(sessionId);
        await session.StartAsync(new SessionStart { Channel = SessionChannel.Voice, CallerPhoneNumber = "+1 415 555 0100" });
        await new SessionDriver(fixture.Grains).AnswerAsync(session, agentId: agentId);
        await session.HoldAsync();
        await session.ResumeAsync();
        await session.EndAsync();
        await session.CompleteAsync(new WrapUpDetails { Disposition = "Resolved" });
    }

    private async Task<Dictionary<string, long>> ExpectedAsync(string run, int calls)
    {
        var expected = new Dictionary<string, long>();
        for (var i = 0; i < calls; i++)
        {
            expected[$"{run}-s{i}"] = (await fixture.Grains.GetGrain<ISessionGrain>($"{run}-s{i}").GetAsync()).EventSequence;
            expected[$"{run}-a{i}"] = (await fixture.Grains.GetGrain<IAgentGrain>($"{run}-a{i}").GetAsync()).EventSequence;
        }

        return expected;
    }

    // Complete and in order per entity: at least once, so a repeat may follow a crash, but nothing arrives before its predecessor.
    private async Task WaitForAsync(Dictionary<string, long> expected)
    {
        await Eventually.TrueAsync(() => Task.FromResult(expected.All(e => Sequences(e.Key).Distinct().Count() == e.Value)),
            "CSI received every event", TimeSpan.FromSeconds(60));
        foreach (var (entity, last) in expected)
        {
            var received = Sequences(entity);
            Assert.Equal(Enumerable.Range(1, (int)last).Select(n => (long)n), received.Distinct().Order());
            for (var n = 1; n < received.Count; n++)
            {
                Assert.True(received[n] <= received.Take(n).Max() + 1, $"{entity} arrived out of order: {string.Join(",", received)}");
            }
        }
    }

    private List<long> Sequences(string entityId) =>
        fixture.Csi.Events.Where(e => (string?)e["entityId"] == entityId).Select(e => (long)e["sequence"]!).ToList();

    private async Task<int> PendingAsync()
    {
        var total = 0;
        for (var queue = 0; queue < 4; queue++)
        {
            total += await fixture.Grains.GetGrain<ICsiEventQueueGrain>(queue.ToString()).GetPendingCountAsync();
        }

        return total;
    }

    private static string Run() => Guid.NewGuid().ToString("n")[..8];
}
