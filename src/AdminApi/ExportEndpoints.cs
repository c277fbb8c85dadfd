using ClarityConnect.Abstractions.Exports;
using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Abstractions.Listings;
using ClarityConnect.Abstractions.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ClarityConnect.AdminApi;

/// <summary><c>/api/exports</c>: exports by state and target, one export's state, and retrying a failed one.</summary>
internal static class ExportEndpoints
{
    /// <summary>The targets a session can be exported to.</summary>
    internal static readonly string[] Targets = [IntegrationNames.Salesforce, IntegrationNames.Dynamics, IntegrationNames.Csi];

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/", ListAsync).WithName("ListExports");
        group.MapGet("/{target}/{sessionId}", GetAsync).WithName("GetExport");
        group.MapPost("/{target}/{sessionId}/retry", RetryAsync).WithName("RetryExport");
    }

    /// <summary>Exports, latest updated first, filtered by state (pending, done, failed), target and session.</summary>
    private static async Task<Results<Ok<ListingPage<ExportSummary>>, ProblemHttpResult>> ListAsync(
        IGrainFactory grains, string? state = null, string? target = null, string? sessionId = null, int? offset = null, int? limit = null)
    {
        var (query, errors) = ParseQuery(state, target, sessionId, offset, limit);
        return errors.Count > 0
            ? Problems.Validation(errors)
            : TypedResults.Ok(await grains.GetGrain<IListingGrain>(0).ListExportsAsync(query));
    }

    /// <summary>
    /// The export listing's query from its query-string values, and a message per bad value keyed by the parameter's
    /// name: the rule of <c>GET /api/exports</c> and of the website's Exports page.
    /// </summary>
    internal static (ExportQuery Query, IReadOnlyList<(string Field, string Message)> Errors) ParseQuery(
        string? state, string? target, string? sessionId, int? offset, int? limit)
    {
        var filters = new QueryFilters();
        var page = filters.Page(offset, limit);
        var query = new ExportQuery
        {
            State = filters.Enum<ExportState>(nameof(state), state),
            Target = string.IsNullOrWhiteSpace(target) ? null : target,
            SessionId = EntityIds.Filter(filters, nameof(sessionId), sessionId),
            Offset = page.Offset,
            Limit = page.Limit,
        };
        if (query.Target is not null && !Targets.Contains(query.Target))
        {
            filters.Add(nameof(target), UnknownTargetMessage(query.Target));
        }

        return (query, filters.Errors);
    }

    private static async Task<Results<Ok<ExportStatus>, ProblemHttpResult>> GetAsync(string target, string sessionId, IGrainFactory grains)
    {
        if ((UnknownTarget(target) ?? EntityIds.Check(nameof(sessionId), sessionId)) is { } unknown)
        {
            return unknown;
        }

        var status = await grains.GetGrain<IExportGrain>($"{target}/{sessionId}").GetStatusAsync();
        return status.CreatedAt is null
            ? Problems.NotFound("sessionId", $"Session '{sessionId}' has no export to {target}.")
            : TypedResults.Ok(status);
    }

    /// <summary>
    /// Retries a failed export: 202 with its new state, 404 for an unknown target or export, 409 when it is not failed.
    /// The endpoint's handler and the website's "Retry" buttons (Session Details, Exports), so both follow one rule.
    /// </summary>
    internal static async Task<Results<Accepted<ExportStatus>, ProblemHttpResult>> RetryAsync(string target, string sessionId, IGrainFactory grains)
    {
        if ((UnknownTarget(target) ?? EntityIds.Check(nameof(sessionId), sessionId)) is { } unknown)
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
        Targets.Contains(target) ? null : Problems.NotFound("target", UnknownTargetMessage(target));

    private static string UnknownTargetMessage(string target) =>
        $"'{target}' is not an export target; the targets are {string.Join(", ", Targets)}.";
}
