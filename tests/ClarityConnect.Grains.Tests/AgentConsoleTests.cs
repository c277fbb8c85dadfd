using ClarityConnect.Abstractions.Agents;
using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Abstractions.Nodes;
using ClarityConnect.Abstractions.Sessions;

namespace ClarityConnect.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class AgentConsoleTests(CoreClusterFixture fixture)
{
    [Fact]
    public async Task The_answering_agent_gets_the_record_link_as_caller_context_screen_pop_and_instant_message()
    {
        await EnableSalesforceAsync();
        var console = new RecordingConsole();
        var (session, agentId) = await new SessionDriver(fixture.Grains).NewAsync(SessionStatus.Queued);
        var agent = fixture.Grains.GetGrain<IAgentGrain>(agentId);
        await agent.SetStatusAsync(AgentStatus.Available);
        var reference = fixture.Cluster.Client.CreateObjectReference<IAgentConsoleObserver>(console);
        await agent.SubscribeAsync(reference);

        var outcome = await session.RunNodeAsync(new CustomerLookupNode { NodeId = "lookup", Integration = IntegrationNames.Salesforce, AutoOpenOnAccept = true });
        Assert.True(outcome.Exit == NodeExit.Match, outcome.Reason);
        await session.OfferAsync(agentId);
        var context = await console.NextAsync<CallerContext>();
        await session.AcceptAsync();
        var pop = await console.NextAsync<ScreenPop>();
        var message = await console.NextAsync<InstantMessage>();

        Assert.Equal(["Contact", "Account"], context.Records.Select(r => r.ObjectType));
        var record = context.Records[0];
        Assert.Equal(record.Url, pop.Record.Url);
        Assert.True(pop.AutoOpen);
        Assert.Equal(record.Url, message.Link);
        Assert.Contains(record.Url.ToString(), message.Text);
        Assert.Equal(context.Records, (await agent.GetAsync()).CallerContext!.Records);
        Assert.Equal(record, (await session.GetAsync()).LinkedRecord);
        Assert.Equal(record.RecordId, (await session.GetAsync()).ExtraItems["Salesforce.RecordId"]);
        GC.KeepAlive(console);
    }

    [Fact]
    public async Task Without_auto_open_the_agent_gets_the_link_but_no_screen_pop()
    {
        await EnableSalesforceAsync();
        var console = new RecordingConsole();
        var (session, agentId) = await new SessionDriver(fixture.Grains).NewAsync(SessionStatus.Queued);
        var agent = fixture.Grains.GetGrain<IAgentGrain>(agentId);
        await agent.SetStatusAsync(AgentStatus.Available);
        await agent.SubscribeAsync(fixture.Cluster.Client.CreateObjectReference<IAgentConsoleObserver>(console));

        await session.RunNodeAsync(new CustomerLookupNode { NodeId = "lookup", Integration = IntegrationNames.Salesforce });
        await session.OfferAsync(agentId);
        await session.AcceptAsync();
        var message = await console.NextAsync<InstantMessage>();

        Assert.NotNull(message.Link);
        Assert.DoesNotContain(console.Received, n => n is ScreenPop);
        GC.KeepAlive(console);
    }

    private async Task EnableSalesforceAsync()
    {
        var config = fixture.Grains.GetGrain<IIntegrationConfigGrain>(IntegrationNames.Salesforce);
        var current = await config.GetAsync();
        if (current.Settings is SalesforceSettings { Enabled: true })
        {
            return;
        }

        await config.UpdateAsync(new SalesforceSettings
        {
            Enabled = true, ConsumerKey = "3MVG9-key", ConsumerSecret = "s3cr3t-consumer", PushCallRecordings = true, PushSessionNotes = true, PushSessionTranscript = true,
        }, current.Version);
    }

    private sealed class RecordingConsole : IAgentConsoleObserver
    {
        private readonly List<object> _received = [];

        public List<object> Received
        {
            get
            {
                lock (_received)
                {
                    return _received.ToList();
                }
            }
        }

        public Task OnScreenPopAsync(ScreenPop pop) => Add(pop);

        public Task OnInstantMessageAsync(InstantMessage message) => Add(message);

        public Task OnCallerContextAsync(CallerContext context) => Add(context);

        public async Task<T> NextAsync<T>()
        {
            T? found = default;
            await Eventually.TrueAsync(() =>
            {
                found = Received.OfType<T>().FirstOrDefault();
                return Task.FromResult(found is not null);
            }, $"the console receives a {typeof(T).Name} (received: {string.Join(", ", Received.Select(n => n.GetType().Name))})", TimeSpan.FromSeconds(10));
            return found!;
        }

        private Task Add(object notification)
        {
            lock (_received)
            {
                _received.Add(notification);
            }

            return Task.CompletedTask;
        }
    }
}
