using ClarityConnect.Abstractions.Agents;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ClarityConnect.AdminApi;

/// <summary><c>/api/agents/{id}</c>: an agent's status and recent history.</summary>
internal static class AgentEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/{id}", GetAgentAsync).WithName("GetAgent");
    }

    private static async Task<Results<Ok<AgentSnapshot>, ProblemHttpResult>> GetAgentAsync(string id, IGrainFactory grains)
    {
        if (EntityIds.Check(nameof(id), id) is { } invalid)
        {
            return invalid;
        }

        var agent = await grains.GetGrain<IAgentGrain>(id).GetAsync();
        return agent.EventSequence == 0 && agent.RecentHistory.Count == 0
            ? Problems.NotFound("id", $"There is no agent '{id}'.")
            : TypedResults.Ok(agent);
    }
}
