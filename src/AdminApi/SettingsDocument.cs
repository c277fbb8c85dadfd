using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using ClarityConnect.Abstractions.Integrations;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ClarityConnect.AdminApi;

/// <summary>
/// The JSON of a settings write (PUT or merge PATCH): which members are settings, binding them to the settings record
/// with errors keyed by member name, and RFC 7396 merging (the rules and the store: <see cref="SettingsCommit"/>).
/// </summary>
/// <remarks>
/// A body with a <c>settings</c> object is a view as GET returns it: its other members (<c>integration</c>,
/// <c>version</c>, <c>updatedAt</c>, <c>secretsSet</c>) are read-only and ignored, except that <c>integration</c>
/// must name this integration; any other member is refused by name. A body without <c>settings</c> is the settings
/// object itself. Concurrency is If-Match's business, never the body's <c>version</c>.
/// </remarks>
internal static class SettingsDocument
{
    private static readonly HashSet<string> ViewMembers = new(StringComparer.OrdinalIgnoreCase) { "integration", "version", "updatedAt", "secretsSet", "settings" };

    /// <summary>The settings members of <paramref name="body"/>, or a 400 naming every member that is not one.</summary>
    public static (JsonObject? Settings, ProblemHttpResult? Problem) SettingsOf(string integration, Type settingsType, JsonObject body)
    {
        var errors = new List<(string, string)>();
        var settings = body;
        var view = body.FirstOrDefault(m => m.Key.Equals("settings", StringComparison.OrdinalIgnoreCase));
        if (view.Key is not null)
        {
            if (view.Value is not JsonObject inner)
            {
                return (null, Problems.Validation("settings", "must be an object holding the settings"));
            }

            foreach (var (name, _) in body.Where(m => !ViewMembers.Contains(m.Key)))
            {
                errors.Add((Shorten(name), "is not a member of an integration's view; settings go inside \"settings\""));
            }

            settings = inner;
        }

        // "integration" is read-only and may come back either at the top (a view) or inside the settings.
        foreach (var holder in new[] { body, settings }.Distinct())
        {
            var named = holder.FirstOrDefault(m => m.Key.Equals("integration", StringComparison.OrdinalIgnoreCase));
            if (named.Key is not null && !(named.Value is JsonValue value && value.TryGetValue<string>(out var text) && text == integration))
            {
                errors.Add(("integration", $"names another integration; this is /api/integrations/{integration}"));
            }
        }

        var members = Members(settingsType);
        foreach (var (name, _) in settings)
        {
            if (!members.ContainsKey(name) && !name.Equals("integration", StringComparison.OrdinalIgnoreCase))
            {
                errors.Add((Shorten(name), $"is not a setting of {integration}"));
            }
        }

        if (errors.Count > 0)
        {
            return (null, Problems.Validation(errors, $"Invalid {integration} settings; nothing was stored."));
        }

        var copy = new JsonObject();
        foreach (var (name, node) in settings.Where(m => !m.Key.Equals("integration", StringComparison.OrdinalIgnoreCase)))
        {
            copy[members[name].Name] = node?.DeepClone();
        }

        return (copy, null);
    }

    /// <summary>
    /// Applies a merge patch (RFC 7396) to <paramref name="current"/>: a member sent replaces the stored one (an
    /// array as a whole), a member absent keeps it; <c>null</c> clears an optional setting (a secret, a text that
    /// may be unset, the list of disabled queues) and is refused for one that must have a value.
    /// </summary>
    public static (JsonObject? Merged, ProblemHttpResult? Problem) Merge(IntegrationSettings current, JsonObject patch)
    {
        var merged = ToJson(current);
        var members = Members(current.GetType());
        var secrets = current.GetSecrets().Keys.Select(Problems.JsonField).ToHashSet(StringComparer.Ordinal);
        var errors = new List<(string, string)>();
        foreach (var (name, node) in patch)
        {
            if (node is not null)
            {
                merged[name] = node.DeepClone();
            }
            else if (secrets.Contains(name))
            {
                merged[name] = ""; // an empty secret clears the stored one
            }
            else if (members[name].IsSetNullable || IsList(members[name].PropertyType))
            {
                merged.Remove(name);
            }
            else
            {
                errors.Add((name, "must have a value; null would remove a setting that cannot be unset"));
            }
        }

        return errors.Count > 0 ? (null, Problems.Validation(errors, "Invalid settings; nothing was stored.")) : (merged, null);
    }

    /// <summary>The settings record of <paramref name="settings"/>'s members, or a 400 naming the member whose JSON type is wrong.</summary>
    public static (IntegrationSettings? Settings, ProblemHttpResult? Problem) Bind(Type settingsType, JsonObject settings)
    {
        try
        {
            var bound = (IntegrationSettings?)settings.Deserialize(settingsType, AdminJson.Options);
            return bound is null ? (null, Problems.Validation("body", "is required")) : (bound, null);
        }
        catch (JsonException invalid)
        {
            var path = (invalid.Path ?? "$").TrimStart('$').TrimStart('.');
            var member = path.Split('[', '.')[0];
            var expected = Members(settingsType).TryGetValue(member, out var property) ? Expected(property.PropertyType) : "has an invalid value";
            return (null, Problems.Validation(member.Length == 0 ? "body" : member, expected));
        }
    }

    /// <summary>The settings as the API shows them: camelCase, without the integration name and without any secret member.</summary>
    public static JsonObject ToJson(IntegrationSettings settings)
    {
        var plain = settings.WithoutSecrets();
        var json = JsonSerializer.SerializeToNode(plain, plain.GetType(), AdminJson.Options)!.AsObject();
        json.Remove("integration");
        foreach (var secret in plain.GetSecrets().Keys)
        {
            json.Remove(Problems.JsonField(secret));
        }

        return json;
    }

    private static Dictionary<string, JsonPropertyInfo> Members(Type settingsType) =>
        AdminJson.Options.GetTypeInfo(settingsType).Properties
            .Where(p => p.Set is not null)
            .ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);

    private static bool IsList(Type type) => type != typeof(string) && type.IsAssignableTo(typeof(System.Collections.IEnumerable));

    private static string Expected(Type type) =>
        type == typeof(bool) ? "must be true or false"
        : type == typeof(int) || type == typeof(long) ? "must be a whole JSON number (not a string)"
        : type == typeof(string) ? "must be a JSON string"
        : IsList(type) ? "must be an array of strings"
        : "has an invalid value";

    // A refused member's name is echoed to say what was refused, but a 10 KB name is not worth echoing whole.
    private static string Shorten(string name) => name.Length <= 64 ? name : name[..64] + "…";
}
