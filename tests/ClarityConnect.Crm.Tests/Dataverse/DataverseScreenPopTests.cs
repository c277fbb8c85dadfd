using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using ClarityConnect.Abstractions.Agents;
using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Abstractions.Nodes;
using ClarityConnect.Abstractions.Sessions;

namespace ClarityConnect.Dynamics.Tests;

[Collection(DynamicsCollection.Name)]
public sealed class DynamicsAgentScreenPopTests(DynamicsClusterFixture fixture)
{
    [Fact]
    public async Task Dynamics_record_reaches_the_answering_agent_as_screen_pop_and_instant_message()
    {
        var line = Random.Shared.Next(1_000_000, 9_999_999).ToString();
        var contactId = fixture.Dataverse.AddRecord("contact", new JsonObject { ["lastname"] = "Popper" + line, ["fullname"] = "Popper" + line, ["telephone1"] = $"(646) {line[..3]}-{line[3..]}" });
        var agentId = "agent-" + Guid.NewGuid().ToString("n");
        var agent = fixture.Grains.GetGrain<IAgentGrain>(agentId);
        await agent.SetStatusAsync(AgentStatus.Available);
        var console = new Console();
        await agent.SubscribeAsync(fixture.Cluster.Client.CreateObjectReference<IAgentConsoleObserver>(console));
        var session = fixture.Grains.GetGrain<ISessionGrain>("dv-" + Guid.NewGuid().ToString("n"));
        await session.StartAsync(new SessionStart { Channel = SessionChannel.Voice, CallerPhoneNumber = $"646{line}" });

        await session.RunNodeAsync(new CustomerLookupNode { NodeId = "lookup", Integration = IntegrationNames.Dynamics, AutoOpenOnAccept = true });
        await session.EnqueueAsync("Support");
        await session.OfferAsync(agentId);
        await session.AcceptAsync();

        var expected = new Uri($"{fixture.Dataverse.BaseUrl.ToString().TrimEnd('/')}/main.aspx?etn=contact&pagetype=entityrecord&id={contactId}");
        await Eventually.TrueAsync(() => Task.FromResult(console.Received.OfType<ScreenPop>().Any() && console.Received.OfType<InstantMessage>().Any()), "the pop and the IM arrive");
        var pop = console.Received.OfType<ScreenPop>().Single();
        Assert.Equal((expected, true), (pop.Record.Url, pop.AutoOpen));
        Assert.Equal(expected, console.Received.OfType<InstantMessage>().Single().Link);
        Assert.Equal(expected, (await agent.GetAsync()).CallerContext!.Records[0].Url);
        GC.KeepAlive(console);
    }

    private sealed class Console : IAgentConsoleObserver
    {
        private readonly ConcurrentQueue<object> _received = new();

        public IReadOnlyList<object> Received => _received.ToList();

        public Task OnScreenPopAsync(ScreenPop pop) => Add(pop);

        public Task OnInstantMessageAsync(InstantMessage message) => Add(message);

        public Task OnCallerContextAsync(CallerContext context) => Add(context);

        private Task Add(object notification)
        {
            _received.Enqueue(notification);
            return Task.CompletedTask;
        }
    }
}
