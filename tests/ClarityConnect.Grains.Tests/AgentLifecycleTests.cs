using ClarityConnect.Abstractions.Agents;
using ClarityConnect.Abstractions.Sessions;

namespace ClarityConnect.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class AgentLifecycleTests(CoreClusterFixture fixture)
{
    // The statuses an agent chooses, from each status the agent can be in without a session.
    public static TheoryData<AgentStatus, AgentStatus, bool> ChosenTransitions() => new()
    {
        { AgentStatus.LoggedOut, AgentStatus.Available, true },
        { AgentStatus.LoggedOut, AgentStatus.Away, true },
        { AgentStatus.Available, AgentStatus.Away, true },
        { AgentStatus.Available, AgentStatus.LoggedOut, true },
        { AgentStatus.Away, AgentStatus.Available, true },
        { AgentStatus.Away, AgentStatus.LoggedOut, true },
    };

    [Theory]
    [MemberData(nameof(ChosenTransitions))]
    public async Task An_agent_without_a_session_moves_between_chosen_statuses(AgentStatus from, AgentStatus to, bool _)
    {
        var agent = await AgentInAsync(from);
        var before = await agent.GetAsync();

        await agent.SetStatusAsync(to, "shift change");

        var after = await agent.GetAsync();
        Assert.Equal(to, after.Status);
        Assert.Equal(before.EventSequence + 1, after.EventSequence);
        Assert.Equal((from, to, "shift change"), (after.RecentHistory[^1].From, after.RecentHistory[^1].To, after.RecentHistory[^1].Reason));
    }

    [Theory]
    [InlineData(AgentStatus.Ringing)]
    [InlineData(AgentStatus.Busy)]
    [InlineData(AgentStatus.WrapUp)]
    public async Task Session_driven_statuses_cannot_be_chosen(AgentStatus status)
    {
        var agent = await AgentInAsync(AgentStatus.Available);
        var error = await Assert.ThrowsAsync<InvalidRequestException>(() => agent.SetStatusAsync(status));
        Assert.Equal("status", error.Field);
        Assert.Equal(AgentStatus.Available, (await agent.GetAsync()).Status);
    }

    [Theory]
    [InlineData(SessionStatus.Ringing, AgentStatus.Away)]
    [InlineData(SessionStatus.Ringing, AgentStatus.LoggedOut)]
    [InlineData(SessionStatus.Active, AgentStatus.Available)]
    [InlineData(SessionStatus.Active, AgentStatus.LoggedOut)]
    [InlineData(SessionStatus.WrapUp, AgentStatus.Away)]
    [InlineData(SessionStatus.WrapUp, AgentStatus.Available)]
    public async Task An_agent_on_a_session_cannot_leave_it_by_choice(SessionStatus sessionStatus, AgentStatus chosen)
    {
        var (session, agentId) = await new SessionDriver(fixture.Grains).NewAsync(sessionStatus);
        var agent = fixture.Grains.GetGrain<IAgentGrain>(agentId);
        var before = await agent.GetAsync();

        var error = await Assert.ThrowsAsync<InvalidTransitionException>(() => agent.SetStatusAsync(chosen));

        Assert.Contains(session.GetPrimaryKeyString(), error.Message);
        var after = await agent.GetAsync();
        Assert.Equal((before.Status, before.SessionId, before.EventSequence), (after.Status, after.SessionId, after.EventSequence));
    }

    [Theory]
    [InlineData(AgentStatus.LoggedOut)]
    [InlineData(AgentStatus.Away)]
    public async Task Only_an_available_agent_can_be_offered_a_session(AgentStatus status)
    {
        var agent = await AgentInAsync(status);
        var offer = new SessionOffer { SessionId = "s-x", CallerContext = new CallerContext { SessionId = "s-x" } };

        var error = await Assert.ThrowsAsync<InvalidTransitionException>(() => agent.OfferAsync(offer));

        Assert.Contains($"from {status} to Ringing", error.Message);
        Assert.Equal(status, (await agent.GetAsync()).Status);
    }

    [Fact]
    public async Task Accepting_a_session_not_offered_to_the_agent_is_refused()
    {
        var (_, agentId) = await new SessionDriver(fixture.Grains).NewAsync(SessionStatus.Ringing);
        var agent = fixture.Grains.GetGrain<IAgentGrain>(agentId);

        await Assert.ThrowsAsync<InvalidTransitionException>(() => agent.AcceptAsync("some-other-session"));

        Assert.Equal(AgentStatus.Ringing, (await agent.GetAsync()).Status);
    }

    [Fact]
    public async Task Choosing_the_current_status_again_changes_nothing()
    {
        var agent = await AgentInAsync(AgentStatus.Available);
        var before = await agent.GetAsync();

        await agent.SetStatusAsync(AgentStatus.Available);

        Assert.Equal(before.EventSequence, (await agent.GetAsync()).EventSequence);
    }

    private async Task<IAgentGrain> AgentInAsync(AgentStatus status)
    {
        var agent = fixture.Grains.GetGrain<IAgentGrain>("a-" + Guid.NewGuid().ToString("n"));
        if (status != AgentStatus.LoggedOut)
        {
            await agent.SetStatusAsync(status);
        }

        return agent;
    }
}
