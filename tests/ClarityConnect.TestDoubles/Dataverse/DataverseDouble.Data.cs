using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.OData;
using Microsoft.OData.UriParser;

namespace ClarityConnect.TestDoubles.Dataverse;

/// <summary>The double's entity-set queries, record creation and annotation block uploads.</summary>
public sealed partial class DataverseDouble
{
    private const string LookupLogicalName = "@Microsoft.Dynamics.CRM.lookuplogicalname";
    private readonly Dictionary<string, (JsonObject Target, Dictionary<string, byte[]> Blocks)> uploads = new(StringComparer.Ordinal);

    private async Task QueryAsync(HttpContext context, DataverseDoubleRequest request, string resource)
    {
        var entity = BySet(resource) ?? throw NotFound(resource);
        var raw = request.QueryString;
        var filter = ParseFilter(resource, raw);
        SelectExpandClause? selectExpand;
        long? top;
        bool? count;
        try
        {
            var parser = Parser(resource, raw);
            selectExpand = parser.ParseSelectAndExpand();
            top = parser.ParseTop();
            count = parser.ParseCount();
        }
        catch (ODataException ex)
        {
            throw UriRefused(ex);
        }

        var prefer = request.Prefer ?? string.Empty;
        var annotations = prefer.Contains("odata.include-annotations", StringComparison.Ordinal);
        var requested = Regex.Match(prefer, @"odata\.maxpagesize=(\d+)") is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : (int?)null;
        var pageSize = Math.Min(Math.Min(requested ?? 5000, 5000), MaxPageSize);
        var skiptoken = context.Request.Query.TryGetValue("$skiptoken", out var s) ? s.ToString() : null;
        var offset = skiptoken is not null && Regex.Match(skiptoken, "skip=\"(\\d+)\"") is { Success: true } sm ? int.Parse(sm.Groups[1].Value, CultureInfo.InvariantCulture) : 0;

        List<JsonObject> matched;
        lock (sync)
        {
            matched = entity.Records.Where(r => filter?.Matches(r) ?? true).ToList();
        }

        // Facts B2: with odata.maxpagesize, $top is ignored.
        var limit = requested is null && top is { } t ? (int)Math.Min(t, pageSize) : pageSize;
        var page = matched.Skip(offset).Take(limit).ToList();
        var body = new JsonObject { ["@odata.context"] = $"{WebApiUrl}$metadata#{entity.EntitySetName}" };
        if (count is true)
        {
            body["@odata.count"] = Math.Min(matched.Count, 5000);
        }

        body["value"] = new JsonArray(page.Select(r => (JsonNode)Project(entity, r, selectExpand, annotations)).ToArray());
        if ((requested is not null || top is null) && offset + page.Count < matched.Count)
        {
            var kept = raw.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Where(p => !p.StartsWith("$skiptoken=", StringComparison.Ordinal));
            var pageNumber = (offset / Math.Max(1, pageSize)) + 2;
            var cookie = $"<cookie pagenumber=\"{pageNumber}\" skip=\"{offset + page.Count}\" istracking=\"False\" />";
            body["@odata.nextLink"] = $"{WebApiUrl}{entity.EntitySetName}?{string.Join('&', kept)}&$skiptoken={Uri.EscapeDataString(cookie)}";
        }

        var applied = new List<string>();
        if (requested is not null)
        {
            applied.Add($"odata.maxpagesize={requested}");
        }

        if (annotations)
        {
            applied.Add("odata.include-annotations=\"*\"");
        }

        if (applied.Count > 0)
        {
            context.Response.Headers["Preference-Applied"] = string.Join(',', applied);
        }

        await WriteJsonAsync(context, 200, body).ConfigureAwait(false);
    }

    private JsonObject Project(DataverseDoubleEntity entity, JsonObject record, SelectExpandClause? clause, bool annotations)
    {
        var result = new JsonObject { ["@odata.etag"] = $"W/\"{Math.Abs(record.ToJsonString().GetHashCode()) % 100000000}\"" };
        var properties = clause is null || clause.AllSelected
            ? entity.Attributes.Where(a => a.LogicalName != "documentbody").Select(a => a.PropertyName).ToList()
            : clause.SelectedItems.OfType<PathSelectItem>().Select(p => p.SelectedPath.LastSegment).OfType<PropertySegment>().Select(p => p.Property.Name).ToList();
        if (!properties.Contains(entity.PrimaryIdAttribute))
        {
            properties.Add(entity.PrimaryIdAttribute);
        }

        foreach (var property in properties)
        {
            var value = record[property];
            var attribute = entity.ByProperty(property);
            if (annotations && attribute?.IsLookup == true && value is not null)
            {
                var logical = (string?)record[property + LookupLogicalName];
                result[property + "@OData.Community.Display.V1.FormattedValue"] = FormattedName(logical, (string?)value);
                result[property + "@Microsoft.Dynamics.CRM.associatednavigationproperty"] = logical is null ? attribute.LogicalName : attribute.NavigationName(logical);
                result[property + LookupLogicalName] = logical;
            }

            result[property] = value?.DeepClone();
        }

        foreach (var expand in clause?.SelectedItems.OfType<ExpandedNavigationSelectItem>() ?? [])
        {
            var navigation = ((NavigationPropertySegment)expand.PathToNavigationProperty.LastSegment).NavigationProperty.Name;
            var target = Navigate(entity.LogicalName, navigation, record);
            var nav = entity.Navigation(navigation)!.Value;
            result[navigation] = target is null ? null : Project(entities[nav.Target], target, expand.SelectAndExpand, annotations);
        }

        return result;
    }

    private string? FormattedName(string? logicalName, string? id)
    {
        if (logicalName is null || !entities.TryGetValue(logicalName, out var target) || !Guid.TryParse(id, out var key) || target.PrimaryNameAttribute is null)
        {
            return null;
        }

        return (string?)target.Find(key)?[target.PrimaryNameAttribute];
    }

    private async Task CreateAsync(HttpContext context, DataverseDoubleRequest request, string resource)
    {
        var entity = BySet(resource) ?? throw NotFound(resource);
        var body = ParseBody(request);
        var id = CreateRecord(entity, body);
        context.Response.StatusCode = 204;
        context.Response.Headers["OData-Version"] = "4.0";
        context.Response.Headers["OData-EntityId"] = $"{WebApiUrl}{entity.EntitySetName}({id:D})";
        await Task.CompletedTask.ConfigureAwait(false);
    }

    private Guid CreateRecord(DataverseDoubleEntity entity, JsonObject body)
    {
        lock (sync)
        {
            var record = Build(entity, body, requireKnownTargets: true);
            if ((string?)record["documentbody"] is { } document)
            {
                var size = (long)document.Length * 3 / 4 - document.Count(c => c == '=');
                RequireUploadSize(size);
                record["filesize"] = size;
            }

            var id = Guid.TryParse((string?)record[entity.PrimaryIdAttribute], out var given) ? given : Guid.NewGuid();
            if (entity.Find(id) is not null)
            {
                throw new DataverseDoubleException(412, "0x80040237", "A record with matching key values already exists.");
            }

            record[entity.PrimaryIdAttribute] = id.ToString("D");
            var now = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            record["createdon"] = now;
            record["modifiedon"] = now;
            entity.Records.Add(record);
            return id;
        }
    }

    private void RequireUploadSize(long size)
    {
        if (size > MaxUploadFileSize)
        {
            throw new DataverseDoubleException(400, "0x80044a02",
                $"The attachment is either not a valid type or is too large. It cannot be uploaded or downloaded. The file size {size} bytes exceeds the maximum file size (MaxUploadFileSize) of {MaxUploadFileSize} bytes.");
        }
    }

    private async Task BlockUploadAsync(HttpContext context, DataverseDoubleRequest request, string action)
    {
        var body = ParseBody(request);
        switch (action)
        {
            case "InitializeAnnotationBlocksUpload":
            {
                var target = body["Target"] as JsonObject ?? throw new DataverseDoubleException(400, "0x80040203", "Target is required.");
                if (!Guid.TryParse((string?)target["annotationid"], out _))
                {
                    throw new DataverseDoubleException(400, "0x80040203", "The Target of InitializeAnnotationBlocksUpload must carry an annotationid.");
                }

                var token = RandomToken(32);
                lock (sync)
                {
                    uploads[token] = (target.DeepClone().AsObject(), new Dictionary<string, byte[]>(StringComparer.Ordinal));
                }

                await WriteJsonAsync(context, 200, new JsonObject
                {
                    ["@odata.context"] = $"{WebApiUrl}$metadata#Microsoft.Dynamics.CRM.InitializeAnnotationBlocksUploadResponse",
                    ["FileContinuationToken"] = token,
                }).ConfigureAwait(false);
                return;
            }

            case "UploadBlock":
            {
                var token = (string?)body["FileContinuationToken"] ?? string.Empty;
                var blockId = (string?)body["BlockId"] ?? throw new DataverseDoubleException(400, "0x80040203", "BlockId is required.");
                var data = Convert.FromBase64String((string?)body["BlockData"] ?? string.Empty);
                if (data.Length > 4 * 1024 * 1024)
                {
                    throw new DataverseDoubleException(400, "0x80040203", "A block can be at most 4 MB.");
                }

                lock (sync)
                {
                    if (!uploads.TryGetValue(token, out var upload))
                    {
                        throw new DataverseDoubleException(400, "0x80040203", "The FileContinuationToken is not valid.");
                    }

                    upload.Blocks[blockId] = data;
                }

                context.Response.StatusCode = 204;
                return;
            }

            default:
            {
                var token = (string?)body["FileContinuationToken"] ?? string.Empty;
                var blockList = (body["BlockList"] as JsonArray)?.Select(b => (string?)b ?? string.Empty).ToList() ?? [];
                (JsonObject Target, Dictionary<string, byte[]> Blocks) upload;
                lock (sync)
                {
                    if (!uploads.Remove(token, out upload))
                    {
                        throw new DataverseDoubleException(400, "0x80040203", "The FileContinuationToken is not valid.");
                    }
                }

                if (blockList.Count == 0 || blockList.Any(b => !upload.Blocks.ContainsKey(b)))
                {
                    throw new DataverseDoubleException(400, "0x80040203", "The BlockList names a block that was not uploaded.");
                }

                var bytes = blockList.SelectMany(b => upload.Blocks[b]).ToArray();
                RequireUploadSize(bytes.Length);
                var target = (body["Target"] as JsonObject ?? upload.Target).DeepClone().AsObject();
                target["documentbody"] = Convert.ToBase64String(bytes);
                var id = CreateRecord(Entity("annotation"), target);
                await WriteJsonAsync(context, 200, new JsonObject
                {
                    ["@odata.context"] = $"{WebApiUrl}$metadata#Microsoft.Dynamics.CRM.CommitAnnotationBlocksUploadResponse",
                    ["AnnotationId"] = id.ToString("D"),
                    ["FileSizeInBytes"] = bytes.Length,
                }).ConfigureAwait(false);
                return;
            }
        }
    }

    private static JsonObject ParseBody(DataverseDoubleRequest request)
    {
        try
        {
            return JsonNode.Parse(request.Body ?? string.Empty) as JsonObject
                ?? throw new DataverseDoubleException(400, "0x80040203", "The request body must be a JSON object.");
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new DataverseDoubleException(400, "0x80040203", $"The request body is not valid JSON: {ex.Message}");
        }
    }
}
