using ClarityConnect.Abstractions.Agents;
using ClarityConnect.Abstractions.Exports;
using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Abstractions.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ClarityConnect.AdminApi;

/// <summary><c>/api/sessions</c> (the Session Details page) and <c>/api/agents</c>.</summary>
internal static class SessionEndpoints
{
    /// <summary>The targets a session can be exported to.</summary>
    internal static readonly string[] ExportTargets = [IntegrationNames.Salesforce, IntegrationNames.Dynamics];

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/{id}", GetSessionAsync).WithName("GetSession");
    }

    public static void MapAgents(RouteGroupBuilder group)
    {
        group.MapGet("/{id}", GetAgentAsync).WithName("GetAgent");
    }

    private static async Task<Results<Ok<SessionDetails>, ProblemHttpResult>> GetSessionAsync(string id, IGrainFactory grains)
    {
        var session = await grains.GetGrain<ISessionGrain>(id).GetAsync();
        if (session.StartedAt is null && session.History.Count == 0)
        {
            return Problems.NotFound("id", $"There is no session '{id}'.");
        }

        var exports = await Task.WhenAll(ExportTargets.Select(t => grains.GetGrain<IExportGrain>($"{t}/{id}").GetStatusAsync()));
        return TypedResults.Ok(new SessionDetails(session, exports.Where(e => e.CreatedAt is not null).ToList()));
    }

    private static async Task<Results<Ok<AgentSnapshot>, ProblemHttpResult>> GetAgentAsync(string id, IGrainFactory grains)
    {
        var agent = await grains.GetGrain<IAgentGrain>(id).GetAsync();
        return agent.EventSequence == 0 && agent.RecentHistory.Count == 0
            ? Problems.NotFound("id", $"There is no agent '{id}'.")
            : TypedResults.Ok(agent);
    }
}

/// <summary>The Session Details page: the session and its exports.</summary>
public sealed record SessionDetails(SessionSnapshot Session, IReadOnlyList<ExportStatus> Exports);

/// <summary><c>/api/exports/{target}/{sessionId}</c>: an export's state, and retrying a failed one.</summary>
internal static class ExportEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/{target}/{sessionId}", GetAsync).WithName("GetExport");
        group.MapPost("/{target}/{sessionId}/retry", RetryAsync).WithName("RetryExport");
    }

    private static async Task<Results<Ok<ExportStatus>, ProblemHttpResult>> GetAsync(string target, string sessionId, IGrainFactory grains)
    {
        if (UnknownTarget(target) is { } unknown)
        {
            return unknown;
        }

        var status = await grains.GetGrain<IExportGrain>($"{target}/{sessionId}").GetStatusAsync();
        return status.CreatedAt is null
            ? Problems.NotFound("sessionId", $"Session '{sessionId}' has no export to {target}.")
            : TypedResults.Ok(status);
    }

    private static async Task<Results<Accepted<ExportStatus>, ProblemHttpResult>> RetryAsync(string target, string sessionId, IGrainFactory grains)
    {
        if (UnknownTarget(target) is { } unknown)
        {
            return unknown;
        }

        var grain = grains.GetGrain<IExportGrain>($"{target}/{sessionId}");
        try
        {
            await grain.RetryAsync();
        }
        catch (InvalidRequestException invalid)
        {
            var status = await grain.GetStatusAsync();
            return status.CreatedAt is null
                ? Problems.NotFound("sessionId", $"Session '{sessionId}' has no export to {target}.")
                : Problems.Status(StatusCodes.Status409Conflict, "Only a failed export can be retried", invalid.Problem, invalid.Field);
        }

        return TypedResults.Accepted($"/api/exports/{target}/{sessionId}", await grain.GetStatusAsync());
    }

    private static ProblemHttpResult? UnknownTarget(string target) =>
        SessionEndpoints.ExportTargets.Contains(target)
            ? null
            : Problems.NotFound("target", $"'{target}' is not an export target; the targets are {string.Join(", ", SessionEndpoints.ExportTargets)}.");
}
