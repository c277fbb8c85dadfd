using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using ClarityConnect.Abstractions.Agents;
using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Abstractions.Nodes;
using ClarityConnect.Abstractions.Sessions;

namespace ClarityConnect.Salesforce.Tests;

[Collection(SalesforceCollection.Name)]
public sealed class AgentScreenPopTests(SalesforceClusterFixture fixture)
{
    [Fact]
    public async Task The_answering_agent_gets_the_salesforce_record_as_screen_pop_and_instant_message()
    {
        var line = Random.Shared.Next(1_000_000, 9_999_999).ToString();
        var contactId = fixture.Salesforce.AddRecord("Contact", new JsonObject { ["LastName"] = "Popper" + line, ["Phone"] = $"(646) {line[..3]}-{line[3..]}" });
        var agentId = "agent-" + Guid.NewGuid().ToString("n");
        var agent = fixture.Grains.GetGrain<IAgentGrain>(agentId);
        await agent.SetStatusAsync(AgentStatus.Available);
        var console = new Console();
        await agent.SubscribeAsync(fixture.Cluster.Client.CreateObjectReference<IAgentConsoleObserver>(console));
        var session = fixture.Grains.GetGrain<ISessionGrain>("sf-" + Guid.NewGuid().ToString("n"));
        await session.StartAsync(new SessionStart { Channel = SessionChannel.Voice, CallerPhoneNumber = $"646{line}" });

        await session.RunNodeAsync(new CustomerLookupNode { NodeId = "lookup", Integration = IntegrationNames.Salesforce, AutoOpenOnAccept = true });
        await session.EnqueueAsync("Support");
        await session.OfferAsync(agentId);
        await session.AcceptAsync();

        var expected = new Uri($"{fixture.Salesforce.BaseUrl.ToString().TrimEnd('/')}/lightning/r/Contact/{contactId}/view");
        await Eventually.TrueAsync(() => Task.FromResult(console.Received.OfType<ScreenPop>().Any() && console.Received.OfType<InstantMessage>().Any()), "the pop and the IM arrive");
        var pop = console.Received.OfType<ScreenPop>().Single();
        Assert.Equal((expected, true), (pop.Record.Url, pop.AutoOpen));
        Assert.Equal(expected, console.Received.OfType<InstantMessage>().Single().Link);
        Assert.Equal(expected, (await agent.GetAsync()).CallerContext!.Records[0].Url);
        GC.KeepAlive(console);
    }

    [Fact]
    public async Task The_client_credentials_flow_works_without_a_refresh_token()
    {
        var config = fixture.Grains.GetGrain<IIntegrationConfigGrain>(IntegrationNames.Salesforce);
        var view = await config.GetAsync();
        await config.UpdateAsync(((SalesforceSettings)view.Settings) with { UseClientCredentials = true }, view.Version);
        try
        {
            var line = Random.Shared.Next(1_000_000, 9_999_999).ToString();
            var contactId = fixture.Salesforce.AddRecord("Contact", new JsonObject { ["LastName"] = "Service" + line, ["Phone"] = $"(718) {line[..3]}-{line[3..]}" });
            var session = fixture.Grains.GetGrain<ISessionGrain>("sf-" + Guid.NewGuid().ToString("n"));
            await session.StartAsync(new SessionStart { Channel = SessionChannel.Voice, CallerPhoneNumber = $"718{line}" });

            var outcome = await session.RunNodeAsync(new CustomerLookupNode { NodeId = "lookup", Integration = IntegrationNames.Salesforce });

            Assert.Equal((NodeExit.Match, contactId), (outcome.Exit, outcome.Records[0].RecordId));
            Assert.Contains(fixture.Salesforce.TokenRequests, r => r.GrantType == "client_credentials");
        }
        finally
        {
            var current = await config.GetAsync();
            await config.UpdateAsync(((SalesforceSettings)current.Settings) with { UseClientCredentials = false }, current.Version);
        }
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
