using System.Collections.Concurrent;
using ClarityConnect.Abstractions.Agents;
using ClarityConnect.Abstractions.Nodes;
using ClarityConnect.Abstractions.Sessions;

namespace ClarityConnect.Crm.Tests.Scenarios;

/// <summary>The answering agent's console gets the record a call-flow lookup found.</summary>
public abstract class ScreenPopScenarios<TFixture>(TFixture fixture) : CrmScenario<TFixture>(fixture)
    where TFixture : CrmClusterFixture
{
    [Fact]
    public async Task The_answering_agent_gets_the_record_as_screen_pop_and_instant_message()
    {
        var line = Random.Shared.Next(1_000_000, 9_999_999).ToString();
        var contactId = Crm.AddContact(new CrmContact("Popper" + line) { Phone = $"(646) {line[..3]}-{line[3..]}" });
        var agentId = "agent-" + Guid.NewGuid().ToString("n");
        var agent = Fixture.Grains.GetGrain<IAgentGrain>(agentId);
        await agent.SetStatusAsync(AgentStatus.Available);
        var console = new Console();
        await agent.SubscribeAsync(Fixture.Cluster.Client.CreateObjectReference<IAgentConsoleObserver>(console));
        var session = NewSession();
        await session.StartAsync(new SessionStart { Channel = SessionChannel.Voice, CallerPhoneNumber = $"646{line}" });

        await session.RunNodeAsync(Automatic);
        await new SessionDriver(Fixture.Grains).AnswerAsync(session, agentId: agentId);

        var expected = Crm.RecordUrl(Crm.ContactType, contactId);
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
