using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace ClarityConnect.TestDoubles.Dataverse;

/// <summary>The double's <c>EntityDefinitions</c> metadata endpoints.</summary>
public sealed partial class DataverseDouble
{
    private static readonly Regex EntityPath = new(
        @"^EntityDefinitions\(LogicalName='(?<name>[^']*)'\)(?:/(?<part>Attributes|ManyToOneRelationships)(?<cast>/Microsoft\.Dynamics\.CRM\.LookupAttributeMetadata)?)?$",
        RegexOptions.CultureInvariant);

    private async Task HandleMetadataAsync(HttpContext context, string resource)
    {
        JsonNode body;
        lock (sync)
        {
            if (resource == "EntityDefinitions")
            {
                body = new JsonObject
                {
                    ["@odata.context"] = $"{WebApiUrl}$metadata#EntityDefinitions",
                    ["value"] = new JsonArray(entities.Values.Select(e => (JsonNode)Definition(e)).ToArray()),
                };
            }
            else if (EntityPath.Match(resource) is { Success: true } match)
            {
                var name = match.Groups["name"].Value;
                if (!entities.TryGetValue(name, out var entity))
                {
                    throw new DataverseDoubleException(404, "0x80040217", $"Could not find entity with name '{name}'.");
                }

                body = match.Groups["part"].Value switch
                {
                    "Attributes" when match.Groups["cast"].Success => Values(entity.Attributes.Where(a => a.IsLookup).Select(a => new JsonObject
                    {
                        ["@odata.type"] = "#Microsoft.Dynamics.CRM.LookupAttributeMetadata",
                        ["LogicalName"] = a.LogicalName,
                        ["Targets"] = new JsonArray(a.LookupTargets.Select(t => (JsonNode?)t).ToArray()),
                    })),
                    "Attributes" => Values(entity.Attributes.Select(a => new JsonObject
                    {
                        ["@odata.type"] = $"#Microsoft.Dynamics.CRM.{(a.IsLookup ? "Lookup" : a.AttributeType)}AttributeMetadata",
                        ["LogicalName"] = a.LogicalName,
                        ["AttributeType"] = a.AttributeType,
                        ["DisplayName"] = Label(a.DisplayName),
                        ["IsValidForRead"] = a.IsValidForRead,
                    })),
                    "ManyToOneRelationships" => Values(entity.Attributes.Where(a => a.IsLookup).SelectMany(a => a.LookupTargets.Select(t => new JsonObject
                    {
                        ["SchemaName"] = $"{t}_{entity.LogicalName}_{a.LogicalName}",
                        ["ReferencingAttribute"] = a.LogicalName,
                        ["ReferencingEntity"] = entity.LogicalName,
                        ["ReferencedEntity"] = t,
                        ["ReferencedAttribute"] = t + "id",
                        ["ReferencingEntityNavigationPropertyName"] = a.NavigationName(t),
                    }))),
                    _ => Definition(entity),
                };
            }
            else
            {
                throw NotFound(resource);
            }
        }

        await WriteJsonAsync(context, 200, body).ConfigureAwait(false);
    }

    private static JsonObject Values(IEnumerable<JsonObject> items) => new() { ["value"] = new JsonArray(items.Select(i => (JsonNode)i).ToArray()) };

    private static JsonObject Definition(DataverseDoubleEntity entity) => new()
    {
        ["LogicalName"] = entity.LogicalName,
        ["EntitySetName"] = entity.EntitySetName,
        ["PrimaryIdAttribute"] = entity.PrimaryIdAttribute,
        ["PrimaryNameAttribute"] = entity.PrimaryNameAttribute,
        ["IsCustomEntity"] = entity.IsCustom,
        ["DisplayName"] = Label(entity.DisplayName),
        ["MetadataId"] = Guid.NewGuid().ToString("D"),
    };

    private static JsonObject Label(string? text) => text is null
        ? new JsonObject { ["LocalizedLabels"] = new JsonArray(), ["UserLocalizedLabel"] = null }
        : new JsonObject
        {
            ["LocalizedLabels"] = new JsonArray(new JsonObject { ["Label"] = text, ["LanguageCode"] = 1033 }),
            ["UserLocalizedLabel"] = new JsonObject { ["Label"] = text, ["LanguageCode"] = 1033 },
        };
}
