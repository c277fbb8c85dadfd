using System.Text.Json.Nodes;
using ClarityConnect.Abstractions.Nodes;
using ClarityConnect.Abstractions.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ClarityConnect.AdminApi;

/// <summary><c>/api/integrations/{crm}/nodes</c>: the CRM's node library (<see cref="INodeLibraryGrain"/>), the node
/// definitions saved under a name that the <c>/nodes</c> page saves, loads and deletes.</summary>
internal static class NodeLibraryEndpoints
{
    private const string JsonMediaType = "application/json";

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/nodes", ListAsync).WithName("ListSavedNodes");
        // Catch-alls: a node's name is free text, so "Lookups/VIP" is at /nodes/Lookups/VIP. An empty one ("/nodes/")
        // reaches the handler as null, so that the library, not the binder, says what is wrong with it.
        group.MapGet("/nodes/{**name}", GetAsync).WithName("GetSavedNode");
        group.MapPut("/nodes/{**name}", PutAsync).WithName("SaveNode")
            .WithSummary("Saves a node definition under a name, replacing one of the same name")
            .WithDescription("The body is the node as GET returns it under \"node\": type (customer-lookup or advanced-lookup), nodeId and the node's members; integration is the CRM in the URL or omitted.")
            .AddOpenApiOperationTransformer(OpenApiRequestBodies.JsonObject(JsonMediaType, "The node definition (camelCase members, with type)."));
        group.MapDelete("/nodes/{**name}", DeleteAsync).WithName("DeleteSavedNode");
    }

    private static async Task<Results<Ok<IReadOnlyList<SavedNodeResponse>>, ProblemHttpResult>> ListAsync(string crm, IGrainFactory grains)
    {
        if (BuilderEndpoints.UnknownCrm(crm) is { } unknown)
        {
            return unknown;
        }

        var saved = await grains.GetGrain<INodeLibraryGrain>(crm).ListAsync();
        return TypedResults.Ok<IReadOnlyList<SavedNodeResponse>>(saved.Select(SavedNodeResponse.Of).ToList());
    }

    private static async Task<Results<Ok<SavedNodeResponse>, ProblemHttpResult>> GetAsync(string crm, string? name, IGrainFactory grains)
    {
        if (BuilderEndpoints.UnknownCrm(crm) is { } unknown)
        {
            return unknown;
        }

        // The library compares names ignoring case, and so does this.
        var saved = (await grains.GetGrain<INodeLibraryGrain>(crm).ListAsync())
            .FirstOrDefault(n => n.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
        return saved is null ? NotSaved(crm, name ?? "") : TypedResults.Ok(SavedNodeResponse.Of(saved));
    }

    private static async Task<Results<Ok<SavedNodeResponse>, ProblemHttpResult>> PutAsync(string crm, string? name, IGrainFactory grains, HttpContext context)
    {
        if (BuilderEndpoints.UnknownCrm(crm) is { } unknown)
        {
            return unknown;
        }

        var (body, problem) = await StrictJson.ReadObjectAsync(context.Request, JsonMediaType, context.AdminOptions().MaxRequestBodyBytes, context.RequestAborted);
        if (problem is not null)
        {
            return problem;
        }

        var (node, nodeProblem) = NodeJson.Bind(crm, body!);
        if (nodeProblem is not null)
        {
            return nodeProblem;
        }

        try
        {
            // The grain checks the name and the definition before it stores anything.
            return TypedResults.Ok(SavedNodeResponse.Of(await grains.GetGrain<INodeLibraryGrain>(crm).SaveAsync(name ?? "", node!)));
        }
        catch (InvalidRequestException invalid)
        {
            return Problems.Validation(invalid.Field, invalid.Problem);
        }
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string crm, string? name, IGrainFactory grains)
    {
        if (BuilderEndpoints.UnknownCrm(crm) is { } unknown)
        {
            return unknown;
        }

        name ??= "";
        return await grains.GetGrain<INodeLibraryGrain>(crm).DeleteAsync(name) ? TypedResults.NoContent() : NotSaved(crm, name);
    }

    private static ProblemHttpResult NotSaved(string crm, string name) =>
        Problems.NotFound("name", $"No node named '{name}' is saved in the {crm} node library.");
}

/// <summary>A node saved in the library: its name, the definition (as <c>PUT</c> takes it) and when it was saved.</summary>
public sealed record SavedNodeResponse(string Name, JsonObject Node, DateTimeOffset SavedAt)
{
    internal static SavedNodeResponse Of(SavedNode saved) => new(saved.Name, NodeJson.ToJson(saved.Node), saved.SavedAt);
}
