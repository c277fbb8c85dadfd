using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClarityConnect.Abstractions.Integrations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

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

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/", ListAsync).WithName("ListIntegrations");
        group.MapGet("/{name}", GetAsync).WithName("GetIntegration");
        group.MapPut("/{name}", PutAsync).WithName("UpdateIntegration").Accepts<JsonObject>("application/json");
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
        if (!IsKnown(name))
        {
            return UnknownIntegration(name);
        }

        var ifMatch = context.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return Problems.Status(StatusCodes.Status428PreconditionRequired, "Precondition required",
                "Send the ETag of the settings you edited in If-Match (GET them first).", HeaderNames.IfMatch);
        }

        var grain = grains.GetGrain<IIntegrationConfigGrain>(name);
        long expected;
        if (ifMatch.Trim() == "*")
        {
            expected = (await grain.GetAsync()).Version;
        }
        else if (!TryParseETag(ifMatch, out expected))
        {
            return Problems.Validation(HeaderNames.IfMatch, "must be the quoted ETag of a GET, e.g. \"3\"");
        }

        var (body, problem) = await AdminJson.ReadObjectAsync(context.Request, context.AdminOptions().MaxRequestBodyBytes, context.RequestAborted);
        if (problem is not null)
        {
            return problem;
        }

        // The view's read-only members may be sent back as read; they are not settings.
        body!.Remove("integration");
        body.Remove("secretsSet");
        var (settings, bindProblem) = Bind(name, body);
        if (bindProblem is not null)
        {
            return bindProblem;
        }

        try
        {
            var view = await grain.UpdateAsync(settings!, expected);
            context.Response.Headers.ETag = ETag(view.Version);
            return TypedResults.Ok(ToJson(view));
        }
        catch (SettingsValidationException invalid)
        {
            return Problems.Validation(invalid.Errors.Select(e => (e.Field, e.Message)), $"Invalid {name} settings; nothing was stored.");
        }
        catch (StaleVersionException stale)
        {
            var result = Problems.Status(StatusCodes.Status412PreconditionFailed, "Precondition failed",
                $"The {name} settings were changed by someone else (you edited version {stale.ExpectedVersion}, the stored version is {stale.ActualVersion}). Reload and save again; nothing was stored.",
                HeaderNames.IfMatch);
            context.Response.Headers.ETag = ETag(stale.ActualVersion);
            return result;
        }
    }

    private static (IntegrationSettings? Settings, ProblemHttpResult? Problem) Bind(string name, JsonObject body)
    {
        // The body is the settings object itself (the same shape as a read's "settings"), or a whole view with a "settings" member.
        JsonNode settingsNode = body;
        if (body.Count == 1 && body["settings"] is JsonObject inner)
        {
            settingsNode = inner;
        }

        try
        {
            var settings = (IntegrationSettings?)settingsNode.Deserialize(SettingsTypes[name], AdminJson.Options);
            return settings is null ? (null, Problems.Validation("body", "is required")) : (settings, null);
        }
        catch (JsonException invalid)
        {
            var path = (invalid.Path ?? "$").TrimStart('$').TrimStart('.');
            return (null, Problems.Validation(path.Length == 0 ? "body" : path,
                invalid.Message.Contains("could not be mapped", StringComparison.OrdinalIgnoreCase) ? "is not a known setting" : "has an invalid value"));
        }
    }

    /// <summary>A view as JSON: the settings without any secret member, and the names of the secrets that are set.</summary>
    internal static JsonObject ToJson(IntegrationConfigView view)
    {
        var settings = view.Settings.WithoutSecrets();
        var settingsJson = JsonSerializer.SerializeToNode(settings, settings.GetType(), AdminJson.Options)!.AsObject();
        settingsJson.Remove("integration");
        foreach (var secret in settings.GetSecrets().Keys)
        {
            settingsJson.Remove(Problems.JsonField(secret));
        }

        return new JsonObject
        {
            ["integration"] = view.Integration,
            ["version"] = view.Version,
            ["updatedAt"] = view.UpdatedAt,
            ["secretsSet"] = new JsonArray(view.SecretsSet.Select(s => (JsonNode)JsonValue.Create(Problems.JsonField(s))).ToArray()),
            ["settings"] = settingsJson,
        };
    }

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
