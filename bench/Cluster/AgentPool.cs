using System.Threading.Channels;
using ClarityConnect.Abstractions.Agents;

namespace ClarityConnect.Bench.Cluster;

/// <summary>Logged-in agents, each taking one session at a time; a life cycle waits here for a free one (not timed as an operation).</summary>
public sealed class AgentPool
{
    private readonly Channel<string> _free = Channel.CreateUnbounded<string>();

    /// <summary>How many agents are logged in.</summary>
    public int Count { get; private set; }

    /// <summary>Logs in <paramref name="count"/> agents named after <paramref name="runId"/>.</summary>
    public static async Task<AgentPool> LogInAsync(IGrainFactory grains, string runId, int count)
    {
        var pool = new AgentPool { Count = count };
        var ids = Enumerable.Range(1, count).Select(i => $"{runId}-agent-{i:000}").ToList();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 16 },
            async (id, _) => await grains.GetGrain<IAgentGrain>(id).SetStatusAsync(AgentStatus.Available));
        ids.ForEach(id => pool._free.Writer.TryWrite(id));
        return pool;
    }

    /// <summary>Waits for a free agent.</summary>
    public ValueTask<string> AcquireAsync(CancellationToken cancellationToken) => _free.Reader.ReadAsync(cancellationToken);

    /// <summary>Hands an agent back (only one that is Available again).</summary>
    public void Release(string agentId) => _free.Writer.TryWrite(agentId);
}
