using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ClarityConnect.TestDoubles.Salesforce.Soql;
using ClarityConnect.TestDoubles.Salesforce.Sosl;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ClarityConnect.TestDoubles.Salesforce;

/// <summary>The double's REST resources under <c>/services/data/vXX.X/</c>.</summary>
public sealed partial class SalesforceDouble
{
    private static readonly Dictionary<string, string[]> RequiredOnCreate = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Note"] = ["ParentId", "Title"],
        ["ContentVersion"] = ["PathOnClient", "VersionData"],
        ["ContentNote"] = ["Title"],
        ["ContentDocumentLink"] = ["LinkedEntityId", "ContentDocumentId"],
    };

    private static readonly Dictionary<string, int> MaxLengths = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Note.Title"] = 80, ["Note.Body"] = 32_000, ["Task.Subject"] = 255, ["Task.Description"] = 32_000,
        ["Task.CallDisposition"] = 255, ["Task.CallObject"] = 255, ["ContentVersion.Title"] = 255,
    };

    private readonly Dictionary<string, List<JsonObject>> cursors = new(StringComparer.Ordinal);
    private int nextCursor;
    private int apiCalls;

    private async Task HandleDataAsync(HttpContext context, SalesforceDoubleRequest request)
    {
        var match = Regex.Match(request.Path, @"^/services/data/v(\d+\.\d)(?:/(.*))?$");
        if (!match.Success)
        {
            throw new SalesforceDoubleException(404, "NOT_FOUND", "The requested resource does not exist");
        }

        SalesforceDoubleFailure? failure = null;
        lock (sync)
        {
            failures.TryDequeue(out failure);
            apiCalls++;
        }

        failure ??= standingFailures.For(request);

        if (failure is not null)
        {
            await WriteErrorAsync(context, failure.StatusCode, failure.ErrorCode, Echo(context, failure.Message), failure.RetryAfter).ConfigureAwait(false);
            return;
        }

        if (!IsValidAccessToken(request.BearerToken))
        {
            throw new SalesforceDoubleException(401, "INVALID_SESSION_ID", "Session expired or invalid");
        }

        context.Response.Headers["Sforce-Limit-Info"] = $"api-usage={apiCalls}/15000";
        var version = match.Groups[1].Value;
        var segments = match.Groups[2].Value.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var method = request.Method;

        switch (segments)
        {
            case ["query" or "queryAll"] when method == "GET":
                await WriteJsonAsync(context, 200, Query(request.Q, version, context.Request.Headers["Sforce-Query-Options"].ToString())).ConfigureAwait(false);
                break;
            case ["query" or "queryAll", var locator] when method == "GET":
                await WriteJsonAsync(context, 200, QueryMore(locator, version)).ConfigureAwait(false);
                break;
            case ["search"] when method == "GET":
                await WriteJsonAsync(context, 200, Search(request.Q, version)).ConfigureAwait(false);
                break;
            case ["sobjects"] when method == "GET":
                await WriteJsonAsync(context, 200, DescribeGlobal(version)).ConfigureAwait(false);
                break;
            case ["sobjects", var objectType, "describe"] when method == "GET":
                await WriteJsonAsync(context, 200, Describe(objectType, version)).ConfigureAwait(false);
                break;
            case ["sobjects", var objectType, var id] when method == "GET":
                await WriteJsonAsync(context, 200, Retrieve(objectType, id, version)).ConfigureAwait(false);
                break;
            case ["sobjects", var objectType] when method == "POST":
                var fields = await ReadCreateBodyAsync(context, request, objectType).ConfigureAwait(false);
                var newId = Create(objectType, fields);
                context.Response.Headers.Location = $"/services/data/v{version}/sobjects/{objectType}/{newId}";
                await WriteJsonAsync(context, 201, new JsonObject { ["id"] = newId, ["success"] = true, ["errors"] = new JsonArray() }).ConfigureAwait(false);
                break;
            default:
                throw new SalesforceDoubleException(404, "NOT_FOUND", "The requested resource does not exist");
        }
    }

    private JsonObject Query(string? soql, string version, string queryOptions)
    {
        if (string.IsNullOrWhiteSpace(soql))
        {
            throw new SalesforceDoubleException(400, "MALFORMED_QUERY", "A query string has to be specified");
        }

        var batch = PageSize;
        var batchOption = Regex.Match(queryOptions, @"batchSize=(\d+)");
        if (batchOption.Success && int.TryParse(batchOption.Groups[1].Value, CultureInfo.InvariantCulture, out var requested))
        {
            batch = Math.Min(batch, Math.Clamp(requested, 200, 2000));
        }

        lock (sync)
        {
            var rows = SoqlEngine.Execute(SoqlParser.ParseQuery(soql, org), org, version);
            var locator = $"01gD0000000{nextCursor++:D4}IAY";
            cursors[locator] = rows;
            return Page(locator, 0, batch, version);
        }
    }

    private JsonObject QueryMore(string locatorAndOffset, string version)
    {
        var dash = locatorAndOffset.LastIndexOf('-');
        lock (sync)
        {
            if (dash < 0 || !int.TryParse(locatorAndOffset.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
                || !cursors.ContainsKey(locatorAndOffset[..dash]))
            {
                throw new SalesforceDoubleException(400, "INVALID_QUERY_LOCATOR", "invalid query locator");
            }

            return Page(locatorAndOffset[..dash], offset, PageSize, version);
        }
    }

    private JsonObject Page(string locator, int offset, int batch, string version)
    {
        var rows = cursors[locator];
        var page = rows.Skip(offset).Take(Math.Max(1, batch)).ToList();
        var next = offset + page.Count;
        var done = next >= rows.Count;
        var result = new JsonObject
        {
            ["totalSize"] = rows.Count,
            ["done"] = done,
        };
        if (!done)
        {
            result["nextRecordsUrl"] = $"/services/data/v{version}/query/{locator}-{next}";
        }

        result["records"] = new JsonArray(page.Select(r => (JsonNode)r.DeepClone()).ToArray());
        return result;
    }

    private JsonObject Search(string? sosl, string version)
    {
        if (string.IsNullOrWhiteSpace(sosl))
        {
            throw new SalesforceDoubleException(400, "MALFORMED_SEARCH", "A search string has to be specified");
        }

        lock (sync)
        {
            var records = SoslEngine.Execute(SoslParser.Parse(sosl, org), org, version);
            return new JsonObject { ["searchRecords"] = new JsonArray(records.Select(r => (JsonNode)r).ToArray()) };
        }
    }

    private JsonObject DescribeGlobal(string version)
    {
        lock (sync)
        {
            var objects = org.Objects.Select(o => (JsonNode)new JsonObject
            {
                ["name"] = o.Name,
                ["label"] = o.Label,
                ["labelPlural"] = o.Label + "s",
                ["keyPrefix"] = o.KeyPrefix,
                ["custom"] = o.Custom,
                ["createable"] = true,
                ["queryable"] = true,
                ["searchable"] = true,
                ["updateable"] = true,
                ["urls"] = new JsonObject
                {
                    ["sobject"] = $"/services/data/v{version}/sobjects/{o.Name}",
                    ["describe"] = $"/services/data/v{version}/sobjects/{o.Name}/describe",
                    ["rowTemplate"] = $"/services/data/v{version}/sobjects/{o.Name}/{{ID}}",
                },
            }).ToArray();
            return new JsonObject { ["encoding"] = "UTF-8", ["maxBatchSize"] = 200, ["sobjects"] = new JsonArray(objects) };
        }
    }

    private JsonObject Describe(string objectType, string version)
    {
        lock (sync)
        {
            var type = org.Find(objectType) ?? throw new SalesforceDoubleException(404, "NOT_FOUND", "The requested resource does not exist");
            var fields = type.Fields.Select(f => (JsonNode)new JsonObject
            {
                ["name"] = f.Name,
                ["label"] = Regex.Replace(f.Name.Replace("__c", string.Empty, StringComparison.Ordinal), "(?<=[a-z])(?=[A-Z])", " ").Replace('_', ' '),
                ["type"] = f.Type,
                ["length"] = f.IsText && f.Type is not ("id" or "reference") ? MaxLengths.GetValueOrDefault($"{type.Name}.{f.Name}", 255) : 0,
                ["nillable"] = f.Name != "Id",
                ["createable"] = f.Name is not ("Id" or "CreatedDate" or "LastModifiedDate" or "Name" or "ContentDocumentId" or "FileType" or "ContentSize"),
                ["updateable"] = f.Name != "Id",
                ["custom"] = f.Name.EndsWith("__c", StringComparison.OrdinalIgnoreCase),
                ["filterable"] = f.Filterable,
                ["nameField"] = string.Equals(f.Name, type.NameField, StringComparison.OrdinalIgnoreCase),
                ["referenceTo"] = new JsonArray(f.ReferenceTo.Select(r => (JsonNode)JsonValue.Create(r)).ToArray()),
                ["relationshipName"] = f.RelationshipName,
                ["picklistValues"] = new JsonArray(),
            }).ToArray();
            return new JsonObject
            {
                ["name"] = type.Name,
                ["label"] = type.Label,
                ["keyPrefix"] = type.KeyPrefix,
                ["custom"] = type.Custom,
                ["createable"] = true,
                ["queryable"] = true,
                ["fields"] = new JsonArray(fields),
                ["childRelationships"] = new JsonArray(),
                ["urls"] = new JsonObject
                {
                    ["uiDetailTemplate"] = BaseUrl.AbsoluteUri.TrimEnd('/') + "/{ID}",
                    ["sobject"] = $"/services/data/v{version}/sobjects/{type.Name}",
                },
            };
        }
    }

    private JsonObject Retrieve(string objectType, string id, string version)
    {
        lock (sync)
        {
            if (org.FindById(id) is not { } hit || !string.Equals(hit.Type.Name, objectType, StringComparison.OrdinalIgnoreCase))
            {
                throw new SalesforceDoubleException(404, "NOT_FOUND", "The requested resource does not exist");
            }

            var fields = hit.Type.Fields.Select(f => new SoqlFieldPath([], f)).ToList();
            return SoqlEngine.Project(hit.Type, hit.Record, fields, org, version);
        }
    }

    private static async Task<JsonObject> ReadCreateBodyAsync(HttpContext context, SalesforceDoubleRequest request, string objectType)
    {
        if (request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) == true)
        {
            // Multipart insert (crm-wire-facts A7): part "entity_content" is the JSON record, the binary part carries the blob field.
            context.Features.Set<IFormFeature>(new FormFeature(context.Request, new FormOptions { MultipartBodyLengthLimit = long.MaxValue }));
            var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
            var entity = form.TryGetValue("entity_content", out var json) ? ParseObject(json.ToString()) : null;
            var file = form.Files.FirstOrDefault();
            if (entity is null || file is null)
            {
                throw new SalesforceDoubleException(400, "INVALID_MULTIPART_REQUEST", "A multipart insert needs an entity_content JSON part and a binary part.");
            }

            using var data = new MemoryStream();
            await file.CopyToAsync(data, context.RequestAborted).ConfigureAwait(false);
            entity[file.Name] = Convert.ToBase64String(data.ToArray());
            return entity;
        }

        return ParseObject(request.Body) ?? throw new SalesforceDoubleException(400, "JSON_PARSER_ERROR", $"The {objectType} body is not a JSON object.");
    }

    private static JsonObject? ParseObject(string? text)
    {
        try
        {
            return string.IsNullOrEmpty(text) ? null : JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private string Create(string objectType, JsonObject fields)
    {
        lock (sync)
        {
            var type = org.Find(objectType) ?? throw new SalesforceDoubleException(404, "NOT_FOUND", "The requested resource does not exist");
            foreach (var (name, value) in fields)
            {
                if (string.Equals(name, "Id", StringComparison.OrdinalIgnoreCase))
                {
                    throw new SalesforceDoubleException(400, "INVALID_FIELD", "The Id field should not be specified in the sobject data.");
                }

                var field = type.Field(name) ?? throw new SalesforceDoubleException(400, "INVALID_FIELD", $"No such column '{name}' on sobject of type {type.Name}");
                var text = SoqlEngine.Text(value);
                if (field.Type == "reference" && value is not null && org.FindById(text) is null)
                {
                    throw new SalesforceDoubleException(400, "INVALID_CROSS_REFERENCE_KEY", $"invalid cross reference id: {field.Name}");
                }

                if (field.Type == "base64" && text is not null && !IsBase64(text))
                {
                    throw new SalesforceDoubleException(400, "JSON_PARSER_ERROR", $"{field.Name}: not valid base64");
                }

                if (MaxLengths.TryGetValue($"{type.Name}.{field.Name}", out var max) && text is not null && text.Length > max)
                {
                    throw new SalesforceDoubleException(400, "STRING_TOO_LONG", $"{field.Name}: data value too large (max length={max})");
                }
            }

            var missing = RequiredOnCreate.GetValueOrDefault(type.Name, []).Where(r => fields[r] is null).ToList();
            if (missing.Count > 0)
            {
                throw new SalesforceDoubleException(400, "REQUIRED_FIELD_MISSING", $"Required fields are missing: [{string.Join(", ", missing)}]");
            }

            var record = fields.DeepClone().AsObject();
            if (string.Equals(type.Name, "ContentVersion", StringComparison.OrdinalIgnoreCase))
            {
                var path = (string?)record["PathOnClient"] ?? string.Empty;
                var extension = Path.GetExtension(path).TrimStart('.').ToUpperInvariant();
                var size = Convert.FromBase64String((string)record["VersionData"]!).Length;
                record["Title"] ??= Path.GetFileNameWithoutExtension(path);
                record["FileType"] = extension.Length == 0 ? "UNKNOWN" : extension;
                record["ContentSize"] = size;
                record["ContentLocation"] ??= "S";
                var documentId = org.Add("ContentDocument", new JsonObject { ["Title"] = (string?)record["Title"], ["FileType"] = record["FileType"]!.DeepClone(), ["ContentSize"] = size }, created: false);
                record["ContentDocumentId"] = documentId;
                if ((string?)record["FirstPublishLocationId"] is { } linked)
                {
                    org.Add("ContentDocumentLink", new JsonObject { ["LinkedEntityId"] = linked, ["ContentDocumentId"] = documentId, ["ShareType"] = "V", ["Visibility"] = "AllUsers" }, created: false);
                }
            }

            return org.Add(type.Name, record, created: true);
        }
    }

    private static bool IsBase64(string text)
    {
        var buffer = new byte[(text.Length * 3 / 4) + 3];
        return Convert.TryFromBase64String(text, buffer, out _);
    }
}
