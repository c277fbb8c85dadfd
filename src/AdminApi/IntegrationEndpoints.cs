using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClarityConnect.Abstractions.Integrations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;

namespace ClarityConnect.AdminApi;

/// <summary><c>/api/integrations</c>: the settings of every integration, secrets write-only, optimistic concurrency with ETag / If-Match.</summary>
internal static class IntegrationEndpoints
{
    /// <summary>The settings record of each configuration key.</summary>
    private static readonly Dictionary<string, Type> SettingsTypes = new(StringComparer.Ordinal)
    {
        [IntegrationNames.Salesforce] = typeof(SalesforceSettings),
        [IntegrationNames.Dynamics] = typeof(DynamicsSettings),
        [IntegrationNames.Csi] = typeof(CsiSettings),
        [IntegrationNames.Platform] = typeof(PlatformSettings),
    };

    private const string JsonMediaType = "application/json", MergePatchMediaType = "application/merge-patch+json";

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/", ListAsync).WithName("ListIntegrations");
        group.MapGet("/{name}", GetAsync).WithName("GetIntegration");
        group.MapPut("/{name}", PutAsync).WithName("UpdateIntegration")
            .WithSummary("Replaces an integration's settings")
            .WithDescription("The body is the settings object, or the whole view as GET returned it (its read-only members are ignored). Secrets omitted are kept, an empty string clears one. If-Match is required.")
            .AddOpenApiOperationTransformer(RequestBody(JsonMediaType));
        group.MapPatch("/{name}", PatchAsync).WithName("PatchIntegration")
            .WithSummary("Changes some of an integration's settings (JSON merge patch, RFC 7396)")
            .WithDescription("Only the settings sent change; null clears an optional setting or a secret, absent keeps it. Content-Type application/merge-patch+json; If-Match is required, as for PUT.")
            .AddOpenApiOperationTransformer(RequestBody(MergePatchMediaType));
    }

    /// <summary>Whether <paramref name="name"/> is a configuration key.</summary>
    public static bool IsKnown(string name) => SettingsTypes.ContainsKey(name);

    private static async Task<Ok<JsonArray>> ListAsync(IGrainFactory grains)
    {
        var views = await Task.WhenAll(IntegrationNames.All.Select(n => grains.GetGrain<IIntegrationConfigGrain>(n).GetAsync()));
        return TypedResults.Ok(new JsonArray(views.Select(v => (JsonNode)ToJson(v)).ToArray()));
    }

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> GetAsync(string name, IGrainFactory grains, HttpContext context)
    {
        if (!IsKnown(name))
        {
            return UnknownIntegration(name);
        }

        var view = await grains.GetGrain<IIntegrationConfigGrain>(name).GetAsync();
        context.Response.Headers.ETag = ETag(view.Version);
        return TypedResults.Ok(ToJson(view));
    }

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> PutAsync(string name, IGrainFactory grains, HttpContext context)
    {
        var (grain, expected, problem) = await PreconditionAsync(name, grains, context);
        if (problem is not null)
        {
            return problem;
        }

        var (settingsJson, bodyProblem) = await ReadSettingsAsync(name, JsonMediaType, context);
        if (bodyProblem is not null)
        {
            return bodyProblem;
        }

        return await SaveAsync(name, grain!, settingsJson!, expected, context);
    }

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> PatchAsync(string name, IGrainFactory grains, HttpContext context)
    {
        var (grain, expected, problem) = await PreconditionAsync(name, grains, context);
        if (problem is not null)
        {
            return problem;
        }

        var (patch, bodyProblem) = await ReadSettingsAsync(name, MergePatchMediaType, context);
        if (bodyProblem is not null)
        {
            return bodyProblem;
        }

        var current = await grain!.GetAsync();
        if (current.Version != expected)
        {
            return Stale(name, expected, current.Version, context);
        }

        var (merged, mergeProblem) = SettingsDocument.Merge(current.Settings, patch!);
        return mergeProblem ?? await SaveAsync(name, grain, merged!, expected, context);
    }

    /// <summary>The grain and the version named by If-Match (428 without one, 400 when it is not an ETag of ours).</summary>
    private static async Task<(IIntegrationConfigGrain? Grain, long Expected, ProblemHttpResult? Problem)> PreconditionAsync(string name, IGrainFactory grains, HttpContext context)
    {
        if (!IsKnown(name))
        {
            return (null, 0, UnknownIntegration(name));
        }

        var ifMatch = context.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return (null, 0, Problems.Status(StatusCodes.Status428PreconditionRequired, "Precondition required",
                "Send the ETag of the settings you edited in If-Match (GET them first).", HeaderNames.IfMatch));
        }

        var grain = grains.GetGrain<IIntegrationConfigGrain>(name);
        if (ifMatch.Trim() == "*")
        {
            return (grain, (await grain.GetAsync()).Version, null);
        }

        return TryParseETag(ifMatch, out var expected)
            ? (grain, expected, null)
            : (null, 0, Problems.Validation(HeaderNames.IfMatch, "must be the quoted ETag of a GET, e.g. \"3\""));
    }

    /// <summary>The settings members of the body, read strictly (<see cref="StrictJson"/>, <see cref="SettingsDocument.SettingsOf"/>).</summary>
    private static async Task<(JsonObject? Settings, ProblemHttpResult? Problem)> ReadSettingsAsync(string name, string mediaType, HttpContext context)
    {
        var (body, problem) = await StrictJson.ReadObjectAsync(context.Request, mediaType, context.AdminOptions().MaxRequestBodyBytes, context.RequestAborted);
        return problem is not null ? (null, problem) : SettingsDocument.SettingsOf(name, SettingsTypes[name], body!);
    }

    /// <summary>Binds the settings, then commits them (<see cref="SettingsCommit"/>: the shared rules, then the grain).</summary>
    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> SaveAsync(string name, IIntegrationConfigGrain grain, JsonObject settingsJson, long expected, HttpContext context)
    {
        var (settings, bindProblem) = SettingsDocument.Bind(SettingsTypes[name], settingsJson);
        if (bindProblem is not null)
        {
            return bindProblem;
        }

        switch (await SettingsCommit.CommitAsync(grain, settings!, expected))
        {
            case SettingsCommitResult.Saved saved:
                context.Response.Headers.ETag = ETag(saved.View.Version);
                return TypedResults.Ok(ToJson(saved.View));
            case SettingsCommitResult.Invalid invalid:
                return Problems.Validation(invalid.Errors.Select(e => (e.Field, e.Message)), $"Invalid {name} settings; nothing was stored.");
            case SettingsCommitResult.Stale stale:
                return Stale(name, stale.Expected, stale.Actual, context);
            default:
                throw new InvalidOperationException("Unknown commit result.");
        }
    }

    private static ProblemHttpResult Stale(string name, long expected, long actual, HttpContext context)
    {
        context.Response.Headers.ETag = ETag(actual);
        return Problems.Status(StatusCodes.Status412PreconditionFailed, "Precondition failed",
            $"The {name} settings were changed by someone else (you edited version {expected}, the stored version is {actual}). Reload and save again; nothing was stored.",
            HeaderNames.IfMatch);
    }

    /// <summary>A view as JSON: the settings without any secret member, and the names of the secrets that are set.</summary>
    internal static JsonObject ToJson(IntegrationConfigView view) => new()
    {
        ["integration"] = view.Integration,
        ["version"] = view.Version,
        ["updatedAt"] = view.UpdatedAt,
        ["secretsSet"] = new JsonArray(view.SecretsSet.Select(s => (JsonNode)JsonValue.Create(Problems.JsonField(s))).ToArray()),
        ["settings"] = SettingsDocument.ToJson(view.Settings),
    };

    private static Func<OpenApiOperation, OpenApiOperationTransformerContext, CancellationToken, Task> RequestBody(string mediaType) =>
        OpenApiRequestBodies.JsonObject(mediaType, "The settings (camelCase members, as GET returns them under \"settings\"), or the whole view.");

    internal static ProblemHttpResult UnknownIntegration(string name) =>
        Problems.NotFound("name", $"There is no integration '{name}'; the integrations are {string.Join(", ", IntegrationNames.All)}.");

    private static string ETag(long version) => "\"" + version.ToString(CultureInfo.InvariantCulture) + "\"";

    private static bool TryParseETag(string value, out long version)
    {
        var tag = value.Trim();
        if (tag.StartsWith("W/", StringComparison.Ordinal))
        {
            tag = tag[2..];
        }

        version = 0;
        return tag.Length >= 3 && tag[0] == '"' && tag[^1] == '"'
            && long.TryParse(tag.AsSpan(1, tag.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out version);
    }
}
