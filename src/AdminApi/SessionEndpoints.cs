using ClarityConnect.Abstractions.Exports;
using ClarityConnect.Abstractions.Listings;
using ClarityConnect.Abstractions.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ClarityConnect.AdminApi;

/// <summary><c>/api/sessions</c>: the session listing and the Session Details page.</summary>
internal static class SessionEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/", ListAsync).WithName("ListSessions");
        group.MapGet("/{id}", GetSessionAsync).WithName("GetSession");
    }

    /// <summary>Sessions, latest started first, filtered by status, channel, queue, agent and start time.</summary>
    private static async Task<Results<Ok<ListingPage<SessionSummary>>, ProblemHttpResult>> ListAsync(
        IGrainFactory grains, string? status = null, string? channel = null, string? queue = null, string? agentId = null,
        string? startedFrom = null, string? startedBefore = null, int? offset = null, int? limit = null)
    {
        var (query, errors) = ParseQuery(status, channel, queue, agentId, startedFrom, startedBefore, offset, limit);
        return errors.Count > 0
            ? Problems.Validation(errors)
            : TypedResults.Ok(await grains.GetGrain<IListingGrain>(0).ListSessionsAsync(query));
    }

    /// <summary>
    /// The session listing's query from its query-string values, and a message per bad value keyed by the parameter's
    /// name: the rule of <c>GET /api/sessions</c> and of the website's Sessions page.
    /// </summary>
    internal static (SessionQuery Query, IReadOnlyList<(string Field, string Message)> Errors) ParseQuery(
        string? status, string? channel, string? queue, string? agentId, string? startedFrom, string? startedBefore, int? offset, int? limit)
    {
        var filters = new QueryFilters();
        var page = filters.Page(offset, limit);
        var query = new SessionQuery
        {
            Status = filters.Enum<SessionStatus>(nameof(status), status),
            Channel = filters.Enum<SessionChannel>(nameof(channel), channel),
            Queue = string.IsNullOrWhiteSpace(queue) ? null : queue,
            AgentId = EntityIds.Filter(filters, nameof(agentId), agentId),
            StartedFrom = filters.Time(nameof(startedFrom), startedFrom),
            StartedBefore = filters.Time(nameof(startedBefore), startedBefore),
            Offset = page.Offset,
            Limit = page.Limit,
        };
        return (query, filters.Errors);
    }

    /// <summary>Whether the cluster has heard of the session: a grain that never saw an event has neither a start nor a history.</summary>
    internal static bool Exists(SessionSnapshot session) => session.StartedAt is not null || session.History.Count > 0;

    private static async Task<Results<Ok<SessionDetails>, ProblemHttpResult>> GetSessionAsync(string id, IGrainFactory grains)
    {
        if (EntityIds.Check(nameof(id), id) is { } invalid)
        {
            return invalid;
        }

        return await LoadDetailsAsync(grains, id) is { } details
            ? TypedResults.Ok(details)
            : Problems.NotFound("id", UnknownSessionMessage(id));
    }

    /// <summary>The session and its exports (the targets it was exported to), or null when the cluster never heard of it.</summary>
    internal static async Task<SessionDetails?> LoadDetailsAsync(IGrainFactory grains, string id)
    {
        var session = await grains.GetGrain<ISessionGrain>(id).GetAsync();
        if (!Exists(session))
        {
            return null;
        }

        var exports = await Task.WhenAll(ExportEndpoints.Targets.Select(t => grains.GetGrain<IExportGrain>($"{t}/{id}").GetStatusAsync()));
        return new SessionDetails(session, exports.Where(e => e.CreatedAt is not null).ToList());
    }

    /// <summary>What the API and the Session Details page say of a session the cluster never heard of.</summary>
    internal static string UnknownSessionMessage(string id) => $"There is no session '{id}'.";
}
