using System.Globalization;
using System.Threading.Channels;
using ClarityConnect.Abstractions.Agents;
using ClarityConnect.Simulator.Calls;
using ClarityConnect.Simulator.Reporting;
using Orleans;

namespace ClarityConnect.Simulator.Agents;

/// <summary>
/// The simulated agents. Each takes one session at a time: a session waits in <see cref="AcquireAsync"/> for a free
/// agent, and hands it back when done. Agents sometimes go Away (a break, a missed offer) and come back on their own.
/// An agent whose status cannot be repaired is taken out of service; when none is left, waiting sessions fail.
/// </summary>
public sealed class AgentPool
{
    private readonly Channel<SimulatedAgent> _free = Channel.CreateUnbounded<SimulatedAgent>();
    private readonly List<SimulatedAgent> _agents;
    private readonly GrainCaller _caller;
    private readonly RecoveryPolicy _recovery;
    private readonly ErrorLog _errors;
    private readonly TimeSpan _awayTime;
    private readonly CancellationToken _aborting;
    private readonly Lock _gate = new();
    private readonly Random _random;
    private readonly List<Task> _returns = [];
    private int _inService;
    private int _away;

    /// <summary>Creates <paramref name="count"/> agents named <c>{runId}-agent-NN</c>.</summary>
    /// <param name="client">The cluster client.</param>
    /// <param name="runId">The run id every agent id starts with.</param>
    /// <param name="count">How many agents.</param>
    /// <param name="seed">The seed of the break lengths.</param>
    /// <param name="awayTime">The typical time an agent stays Away.</param>
    /// <param name="caller">Makes the grain calls.</param>
    /// <param name="recovery">How long to keep re-reading an agent after a failed call.</param>
    /// <param name="errors">Where problems are reported.</param>
    /// <param name="aborting">Cancelled when the run is stopped at once.</param>
    public AgentPool(IClusterClient client, string runId, int count, int seed, TimeSpan awayTime, GrainCaller caller,
        RecoveryPolicy recovery, ErrorLog errors, CancellationToken aborting)
    {
        var width = count.ToString(CultureInfo.InvariantCulture).Length;
        _agents = Enumerable.Range(1, count)
            .Select(i => $"{runId}-agent-{i.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0')}")
            .Select(id => new SimulatedAgent(id, client.GetGrain<IAgentGrain>(id)))
            .ToList();
        _random = new Random(seed);
        _awayTime = awayTime;
        _caller = caller;
        _recovery = recovery;
        _errors = errors;
        _aborting = aborting;
    }

    /// <summary>Every agent.</summary>
    public IReadOnlyList<SimulatedAgent> Agents => _agents;

    /// <summary>Agents waiting for a session now.</summary>
    public int Free => _free.Reader.Count;

    /// <summary>Agents Away now (break or missed offer).</summary>
    public int Away => Volatile.Read(ref _away);

    /// <summary>Agents that logged in at the start.</summary>
    public int LoggedIn { get; private set; }

    /// <summary>Agents logged in and usable.</summary>
    public int InService => Volatile.Read(ref _inService);

    /// <summary>Logs every agent in (<c>Available</c>); returns how many made it.</summary>
    public async Task<int> LogInAllAsync(CancellationToken cancellationToken)
    {
        var loggedIn = await Task.WhenAll(_agents.Select(a => LogInAsync(a, cancellationToken)));
        for (var i = 0; i < _agents.Count; i++)
        {
            if (loggedIn[i])
            {
                Interlocked.Increment(ref _inService);
                Release(_agents[i]);
            }
            else
            {
                _agents[i].OutOfService = true;
            }
        }

        LoggedIn = InService;
        if (LoggedIn == 0)
        {
            _free.Writer.TryComplete(new NoAgentsLeftException());
        }

        return LoggedIn;
    }

    /// <summary>Waits for a free agent; throws <see cref="NoAgentsLeftException"/> when none is left in service.</summary>
    public async Task<SimulatedAgent> AcquireAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _free.Reader.ReadAsync(cancellationToken);
        }
        catch (ChannelClosedException)
        {
            throw new NoAgentsLeftException();
        }
    }

    /// <summary>Hands back an <c>Available</c> agent.</summary>
    public void Release(SimulatedAgent agent) => _free.Writer.TryWrite(agent);

    /// <summary>The agent takes a short break (Away) and then comes back by itself.</summary>
    public void TakeBreak(SimulatedAgent agent) => Track(AwayAndBackAsync(agent, goAway: true));

    /// <summary>The agent, sent Away by a missed offer, comes back by itself after a while.</summary>
    public void ComeBackLater(SimulatedAgent agent) => Track(AwayAndBackAsync(agent, goAway: false));

    /// <summary>The run was stopped while <paramref name="agent"/> was on a session: it stays there and is not logged out.</summary>
    public void LeaveOnSession(SimulatedAgent agent) => agent.LeftOnSession = true;

    /// <summary>
    /// After a failed call: reads the agent's real status and hands it back when it can take sessions (bringing it
    /// back from Away), or takes it out of service when it is stuck with a session.
    /// </summary>
    public async Task ReconcileAsync(SimulatedAgent agent, CancellationToken cancellationToken)
    {
        AgentSnapshot snapshot;
        try
        {
            snapshot = await _recovery.ExecuteAsync(
                ct => _caller.InvokeAsync(GrainOperation.AgentGet, () => agent.Grain.GetAsync(), ct), cancellationToken);
        }
        catch (GrainCallException ex)
        {
            TakeOutOfService(agent, $"could not be re-read: {ex.Message}");
            return;
        }

        switch (snapshot.Status)
        {
            case AgentStatus.Available:
                Release(agent);
                break;
            case AgentStatus.Away or AgentStatus.LoggedOut:
                try
                {
                    await SetStatusAsync(agent, AgentStatus.Available, "back after a failed call", cancellationToken);
                    Release(agent);
                }
                catch (GrainCallException ex)
                {
                    TakeOutOfService(agent, $"stays {snapshot.Status}: {ex.Message}");
                }

                break;
            default:
                TakeOutOfService(agent, $"left {snapshot.Status} with session {snapshot.SessionId ?? "(none)"}");
                break;
        }
    }

    /// <summary>Waits for agents coming back from Away, then logs out every agent in service and not left on a session; returns how many logged out.</summary>
    public async Task<int> LogOutAllAsync(CancellationToken cancellationToken)
    {
        Task[] returns;
        lock (_gate)
        {
            returns = [.. _returns];
        }

        await Task.WhenAll(returns);
        _free.Writer.TryComplete();
        var loggedOut = await Task.WhenAll(_agents.Where(a => a is { OutOfService: false, LeftOnSession: false }).Select(async agent =>
        {
            try
            {
                await SetStatusAsync(agent, AgentStatus.LoggedOut, "end of shift", cancellationToken);
                return true;
            }
            catch (GrainCallException ex)
            {
                _errors.AgentProblem(agent.Id, $"could not log out: {ex.Message}");
                return false;
            }
        }));
        return loggedOut.Count(ok => ok);
    }

    private async Task<bool> LogInAsync(SimulatedAgent agent, CancellationToken cancellationToken)
    {
        try
        {
            await SetStatusAsync(agent, AgentStatus.Available, "start of shift", cancellationToken);
            return true;
        }
        catch (GrainCallException ex)
        {
            // An agent of an earlier run with the same run id may still be on one of its sessions.
            var hint = ex.IsRefusal ? " (was this --run-id used before?)" : "";
            _errors.AgentProblem(agent.Id, $"could not log in: {ex.Message}{hint}");
            return false;
        }
    }

    private async Task AwayAndBackAsync(SimulatedAgent agent, bool goAway)
    {
        Interlocked.Increment(ref _away);
        agent.CountAway();
        GrainCallException? failure = null;
        try
        {
            if (goAway)
            {
                await SetStatusAsync(agent, AgentStatus.Away, "short break", _aborting);
            }

            await Task.Delay(AwayTime(), _aborting);
            await SetStatusAsync(agent, AgentStatus.Available, goAway ? "back from break" : "back after a missed offer", _aborting);
            Release(agent);
        }
        catch (GrainCallException ex)
        {
            failure = ex;
        }
        catch (OperationCanceledException)
        {
            // The run was stopped: the agent stays Away and is logged out from there.
        }
        finally
        {
            Interlocked.Decrement(ref _away);
        }

        if (failure is not null)
        {
            _errors.AgentProblem(agent.Id, $"could not {(goAway ? "take a break and come back" : "come back after a missed offer")}: {failure.Message}");
            try
            {
                await ReconcileAsync(agent, _aborting);
            }
            catch (OperationCanceledException)
            {
                // Stopped while repairing: nothing more to do for this agent.
            }
        }
    }

    private Task SetStatusAsync(SimulatedAgent agent, AgentStatus status, string reason, CancellationToken cancellationToken) =>
        _caller.InvokeAsync(GrainOperation.AgentSetStatus, () => agent.Grain.SetStatusAsync(status, reason), cancellationToken);

    private TimeSpan AwayTime()
    {
        lock (_gate)
        {
            return _awayTime * (0.5 + _random.NextDouble());
        }
    }

    private void Track(Task task)
    {
        lock (_gate)
        {
            _returns.Add(task);
        }
    }

    private void TakeOutOfService(SimulatedAgent agent, string reason)
    {
        lock (_gate)
        {
            if (agent.OutOfService)
            {
                return;
            }

            agent.OutOfService = true;
        }

        _errors.AgentProblem(agent.Id, "out of service: " + reason);
        if (Interlocked.Decrement(ref _inService) == 0)
        {
            _free.Writer.TryComplete(new NoAgentsLeftException());
        }
    }
}
