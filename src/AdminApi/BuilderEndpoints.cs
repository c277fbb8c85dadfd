using System.Text.Json.Nodes;
using ClarityConnect.Abstractions.Crm;
using ClarityConnect.Abstractions.Integrations;
using ClarityConnect.Abstractions.Nodes;
using ClarityConnect.Abstractions.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ClarityConnect.AdminApi;

/// <summary><c>/api/integrations/{crm}</c>: the node builder (objects, fields, placeholders, Validate Query, the
/// validation of a Customer Lookup node's Search Parameter). The node library is <see cref="NodeLibraryEndpoints"/>.</summary>
internal static class BuilderEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/objects", ObjectsAsync).WithName("ListCrmObjects");
        group.MapGet("/objects/{objectName}/fields", FieldsAsync).WithName("ListCrmFields");
        group.MapPost("/placeholders", PlaceholdersAsync).WithName("GetPlaceholders").Accepts<JsonObject>("application/json");
        group.MapPost("/validate-query", ValidateAsync).WithName("ValidateQuery").Accepts<JsonObject>("application/json");
        group.MapPost("/validate-lookup", ValidateLookupAsync).WithName("ValidateLookup").Accepts<JsonObject>("application/json");
    }

    private static async Task<Results<Ok<IReadOnlyList<CrmObjectInfo>>, ProblemHttpResult>> ObjectsAsync(string crm, IGrainFactory grains)
    {
        if (UnknownCrm(crm) is { } unknown)
        {
            return unknown;
        }

        return await Call(() => grains.GetGrain<ICrmBuilderGrain>(crm).ListObjectsAsync());
    }

    private static async Task<Results<Ok<IReadOnlyList<CrmFieldInfo>>, ProblemHttpResult>> FieldsAsync(string crm, string objectName, bool? extended, IGrainFactory grains)
    {
        if (UnknownCrm(crm) is { } unknown)
        {
            return unknown;
        }

        return await Call(() => grains.GetGrain<ICrmBuilderGrain>(crm).ListFieldsAsync(objectName, extended ?? false));
    }

    private static async Task<Results<Ok<PlaceholdersResponse>, ProblemHttpResult>> PlaceholdersAsync(string crm, IGrainFactory grains, HttpContext context)
    {
        if (UnknownCrm(crm) is { } unknown)
        {
            return unknown;
        }

        var (body, problem) = await AdminJson.ReadObjectAsync(context.Request, context.AdminOptions().MaxRequestBodyBytes, context.RequestAborted);
        if (problem is not null)
        {
            return problem;
        }

        var (node, nodeProblem) = BindNode<AdvancedLookupNode>(crm, body!, "");
        if (nodeProblem is not null)
        {
            return nodeProblem;
        }

        var result = await Call(() => grains.GetGrain<ICrmBuilderGrain>(crm).GetPlaceholdersAsync(node!));
        return result.Result is Ok<IReadOnlyList<string>> ok ? TypedResults.Ok(new PlaceholdersResponse(ok.Value!)) : (ProblemHttpResult)result.Result;
    }

    private static async Task<Results<Ok<QueryValidation>, ProblemHttpResult>> ValidateAsync(string crm, IGrainFactory grains, HttpContext context)
    {
        if (UnknownCrm(crm) is { } unknown)
        {
            return unknown;
        }

        var (body, problem) = await AdminJson.ReadObjectAsync(context.Request, context.AdminOptions().MaxRequestBodyBytes, context.RequestAborted);
        if (problem is not null)
        {
            return problem;
        }

        if (body!["node"] is not JsonObject nodeJson)
        {
            return Problems.Validation("node", "is required: the Advanced Lookup node to validate");
        }

        var (node, nodeProblem) = BindNode<AdvancedLookupNode>(crm, nodeJson, "node");
        if (nodeProblem is not null)
        {
            return nodeProblem;
        }

        IReadOnlyDictionary<string, string> samples = new Dictionary<string, string>();
        if (body["sampleValues"] is { } samplesJson)
        {
            var (bound, samplesProblem) = AdminJson.Bind<Dictionary<string, string>>(samplesJson, "sampleValues");
            if (samplesProblem is not null)
            {
                return samplesProblem;
            }

            samples = bound!;
        }

        foreach (var other in body.Select(p => p.Key).Where(k => k is not "node" and not "sampleValues"))
        {
            return Problems.Validation(other, "is not a known member (expected node and sampleValues)");
        }

        return await Call(() => grains.GetGrain<ICrmBuilderGrain>(crm).ValidateQueryAsync(node!, samples));
    }

    // The body is the Customer Lookup node; with Lookup Type Extra Item Key its Search Parameter is checked against the CRM.
    private static async Task<Results<Ok<QueryValidation>, ProblemHttpResult>> ValidateLookupAsync(string crm, IGrainFactory grains, HttpContext context)
    {
        if (UnknownCrm(crm) is { } unknown)
        {
            return unknown;
        }

        var (body, problem) = await AdminJson.ReadObjectAsync(context.Request, context.AdminOptions().MaxRequestBodyBytes, context.RequestAborted);
        if (problem is not null)
        {
            return problem;
        }

        var (node, nodeProblem) = BindNode<CustomerLookupNode>(crm, body!, "");
        if (nodeProblem is not null)
        {
            return nodeProblem;
        }

        return await Call(() => grains.GetGrain<ICrmBuilderGrain>(crm).ValidateLookupAsync(node!));
    }

    // The CRM comes from the route; a builder node need not have an id yet.
    private static (TNode? Node, ProblemHttpResult? Problem) BindNode<TNode>(string crm, JsonObject json, string prefix)
        where TNode : IntegrationNode =>
        NodeJson.Bind<TNode>(crm, json, prefix, defaultNodeId: "builder");

    private static async Task<Results<Ok<T>, ProblemHttpResult>> Call<T>(Func<Task<T>> call)
    {
        try
        {
            return TypedResults.Ok(await call());
        }
        catch (InvalidRequestException invalid)
        {
            return Problems.Validation(invalid.Field, invalid.Problem);
        }
        catch (Exception unavailable) when (unavailable is not OperationCanceledException)
        {
            // The CRM could not answer (disabled, not authorized, down); the grain's message says why, without secrets.
            return Problems.Status(StatusCodes.Status502BadGateway, "The CRM could not answer", unavailable.Message, "crm");
        }
    }

    /// <summary>A 404 when <paramref name="crm"/> is not a CRM with a node builder and a node library.</summary>
    internal static ProblemHttpResult? UnknownCrm(string crm) =>
        CrmAuthorizationFlow.IsCrm(crm)
            ? null
            : Problems.NotFound("crm", $"'{crm}' is not a CRM; the node builder and the node library work with {IntegrationNames.Salesforce} and {IntegrationNames.Dynamics}.");
}

/// <summary>"Generate Value Boxes": the <c>{{ExtraItem}}</c> placeholders of a WHERE, in order of first use.</summary>
public sealed record PlaceholdersResponse(IReadOnlyList<string> Placeholders);
