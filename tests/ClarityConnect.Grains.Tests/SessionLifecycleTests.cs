using ClarityConnect.Abstractions.Agents;
using ClarityConnect.Abstractions.Sessions;

namespace ClarityConnect.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class SessionLifecycleTests(CoreClusterFixture fixture)
{
    public enum Operation { Enqueue, Offer, Requeue, Accept, Hold, Resume, End, Complete, Abandon }

    // The life cycle from DESIGN.md, written out independently of the grain's table.
    private static readonly Dictionary<(SessionStatus, Operation), SessionStatus> Legal = new()
    {
        [(SessionStatus.New, Operation.Enqueue)] = SessionStatus.Queued,
        [(SessionStatus.New, Operation.Abandon)] = SessionStatus.Abandoned,
        [(SessionStatus.Queued, Operation.Offer)] = SessionStatus.Ringing,
        [(SessionStatus.Queued, Operation.Abandon)] = SessionStatus.Abandoned,
        [(SessionStatus.Ringing, Operation.Accept)] = SessionStatus.Active,
        [(SessionStatus.Ringing, Operation.Requeue)] = SessionStatus.Queued,
        [(SessionStatus.Ringing, Operation.Enqueue)] = SessionStatus.Queued,
        [(SessionStatus.Ringing, Operation.Abandon)] = SessionStatus.Abandoned,
        [(SessionStatus.Active, Operation.Hold)] = SessionStatus.Held,
        [(SessionStatus.Active, Operation.End)] = SessionStatus.WrapUp,
        [(SessionStatus.Held, Operation.Resume)] = SessionStatus.Active,
        [(SessionStatus.Held, Operation.End)] = SessionStatus.WrapUp,
        [(SessionStatus.WrapUp, Operation.Complete)] = SessionStatus.Completed,
    };

    public static TheoryData<SessionStatus, Operation> AllPairs()
    {
        var data = new TheoryData<SessionStatus, Operation>();
        foreach (var status in Enum.GetValues<SessionStatus>())
        {
            foreach (var operation in Enum.GetValues<Operation>())
            {
                data.Add(status, operation);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public async Task Every_operation_in_every_status_moves_as_the_life_cycle_says_or_changes_nothing(SessionStatus from, Operation operation)
    {
        var (session, _) = await new SessionDriver(fixture.Grains).NewAsync(from);
        var freeAgent = "a-" + Guid.NewGuid().ToString("n");
        await fixture.Grains.GetGrain<IAgentGrain>(freeAgent).SetStatusAsync(AgentStatus.Available);
        var before = await session.GetAsync();

        var run = () => operation switch
        {
            Operation.Enqueue => session.EnqueueAsync("Billing"),
            Operation.Offer => session.OfferAsync(freeAgent),
            Operation.Requeue => session.RequeueAsync("no answer"),
            Operation.Accept => session.AcceptAsync(),
            Operation.Hold => session.HoldAsync(),
            Operation.Resume => session.ResumeAsync(),
            Operation.End => session.EndAsync(),
            Operation.Complete => session.CompleteAsync(),
            Operation.Abandon => session.AbandonAsync("caller hung up"),
            _ => throw new ArgumentOutOfRangeException(nameof(operation)),
        };

        if (Legal.TryGetValue((from, operation), out var expected))
        {
            await run();
            var after = await session.GetAsync();
            Assert.Equal(expected, after.Status);
            Assert.Equal(before.History.Count + 1, after.History.Count);
            Assert.Equal(new { From = (SessionStatus?)from, To = expected }, new { after.History[^1].From, after.History[^1].To });
            Assert.Equal(before.EventSequence + 1, after.EventSequence);
        }
        else
        {
            var error = await Assert.ThrowsAsync<InvalidTransitionException>(run);
            Assert.Contains(from.ToString(), error.Message);
            var after = await session.GetAsync();
            Assert.Equal(before.Status, after.Status);
            Assert.Equal(before.History.Count, after.History.Count);
            Assert.Equal(before.EventSequence, after.EventSequence);
            Assert.Equal(before.AgentId, after.AgentId);
            Assert.Equal(before.Queue, after.Queue);
        }
    }

    [Fact]
    public async Task An_operation_on_a_session_that_never_started_is_refused()
    {
        var session = fixture.Grains.GetGrain<ISessionGrain>("never-" + Guid.NewGuid());
        var error = await Assert.ThrowsAsync<InvalidTransitionException>(() => session.EnqueueAsync("Support"));
        Assert.Contains("NotStarted", error.Message);
        Assert.Empty((await session.GetAsync()).History);
    }

    [Fact]
    public async Task Offering_to_an_agent_who_is_not_available_changes_neither_session_nor_agent()
    {
        var (session, _) = await new SessionDriver(fixture.Grains).NewAsync(SessionStatus.Queued);
        var awayAgent = fixture.Grains.GetGrain<IAgentGrain>("a-" + Guid.NewGuid().ToString("n"));
        await awayAgent.SetStatusAsync(AgentStatus.Away);

        var error = await Assert.ThrowsAsync<InvalidTransitionException>(() => session.OfferAsync(awayAgent.GetPrimaryKeyString()));

        Assert.Contains("Away", error.Message);
        Assert.Equal(SessionStatus.Queued, (await session.GetAsync()).Status);
        var agent = await awayAgent.GetAsync();
        Assert.Equal(AgentStatus.Away, agent.Status);
        Assert.Null(agent.SessionId);
    }

    [Fact]
    public async Task The_agent_follows_the_session_from_offer_to_completion()
    {
        var driver = new SessionDriver(fixture.Grains);
        var (session, agentId) = await driver.NewAsync(SessionStatus.Ringing);
        var agent = fixture.Grains.GetGrain<IAgentGrain>(agentId);
        Assert.Equal((AgentStatus.Ringing, session.GetPrimaryKeyString()), await StatusAsync(agent));

        await session.AcceptAsync();
        Assert.Equal((AgentStatus.Busy, session.GetPrimaryKeyString()), await StatusAsync(agent));

        await session.EndAsync();
        Assert.Equal((AgentStatus.WrapUp, session.GetPrimaryKeyString()), await StatusAsync(agent));

        await session.CompleteAsync(new WrapUpDetails { Disposition = "Sale", SubDisposition = "Upsell", Notes = "Ordered 3 units" });
        Assert.Equal((AgentStatus.Available, (string?)null), await StatusAsync(agent));
        var done = await session.GetAsync();
        Assert.Equal(("Sale", "Upsell", "Ordered 3 units"), (done.Disposition, done.SubDisposition, done.Notes));
        Assert.Equal(agentId, done.AgentId);
        Assert.NotNull(done.EndedAt);
    }

    [Fact]
    public async Task A_missed_offer_requeues_the_session_and_sends_the_agent_away()
    {
        var (session, agentId) = await new SessionDriver(fixture.Grains).NewAsync(SessionStatus.Ringing);

        await session.RequeueAsync("no answer", AgentStatus.Away);

        var snapshot = await session.GetAsync();
        Assert.Equal(SessionStatus.Queued, snapshot.Status);
        Assert.Null(snapshot.AgentId);
        Assert.Equal("no answer", snapshot.History[^1].Reason);
        Assert.Equal(agentId, snapshot.History[^1].AgentId);
        Assert.Equal((AgentStatus.Away, (string?)null), await StatusAsync(fixture.Grains.GetGrain<IAgentGrain>(agentId)));
    }

    [Fact]
    public async Task Abandoning_a_ringing_session_frees_the_agent()
    {
        var (session, agentId) = await new SessionDriver(fixture.Grains).NewAsync(SessionStatus.Ringing);

        await session.AbandonAsync("caller hung up");

        Assert.Equal(SessionStatus.Abandoned, (await session.GetAsync()).Status);
        Assert.Equal((AgentStatus.Available, (string?)null), await StatusAsync(fixture.Grains.GetGrain<IAgentGrain>(agentId)));
    }

    private static async Task<(AgentStatus, string?)> StatusAsync(IAgentGrain agent)
    {
        var snapshot = await agent.GetAsync();
        return (snapshot.Status, snapshot.SessionId);
    }
}
