using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClarityConnect.Connectors.Http;
using ClarityConnect.Connectors.OAuth;
using ClarityConnect.Connectors.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClarityConnect.Connectors.Dataverse;

/// <summary>The Dataverse (Dynamics 365) Web API: queries with paging, metadata, record and note creation.</summary>
/// <remarks>
/// One per <see cref="HttpLane"/>: the lane's named <see cref="HttpClient"/> runs that lane's resilience pipeline (see
/// <see cref="DataverseServiceCollectionExtensions.AddDataverseConnector"/>). The access token lives in the singleton
/// <see cref="DataverseSessionStore"/>: it is obtained on first use (refresh-token grant, or client credentials when the
/// credentials have no refresh token), renewed single-flight <see cref="DataverseConnectorOptions.TokenRefreshMargin"/> before
/// it expires and once on a 401 (then the call is retried once). A rotated refresh token is handed to
/// <see cref="IDataverseCredentialsSource.RefreshTokenRotatedAsync"/>; a refusal that needs a new authorization is reported
/// once to <see cref="IDataverseCredentialsSource.ReauthorizationRequiredAsync"/> and thrown as <see cref="OAuthException"/>,
/// and later calls fail fast with it until the credentials change.
/// Errors: <see cref="DataverseApiException"/> (the Web API's error body), <see cref="DataverseUnavailableException"/>
/// (unreachable, timed out, the lane's breaker open, queue full), <see cref="DataverseNotConfiguredException"/> (from the credentials source).
/// </remarks>
public sealed class DataverseClient(
    HttpClient httpClient,
    HttpConnectorLane lane,
    DataverseOAuthClient oauthClient,
    IDataverseCredentialsSource credentialsSource,
    DataverseSessionStore sessionStore,
    IOptions<DataverseConnectorOptions> options,
    ILogger<DataverseClient> logger)
{
    /// <summary>The largest <c>odata.maxpagesize</c> Dataverse honours (facts B2).</summary>
    public const int MaxPageSize = 5000;

    private const string EntitySelect = "LogicalName,EntitySetName,PrimaryIdAttribute,PrimaryNameAttribute,DisplayName,IsCustomEntity";
    private readonly DataverseConnectorOptions settings = options.Value;

    /// <summary>The environment URL from the current credentials.</summary>
    public async Task<Uri> GetInstanceUrlAsync(CancellationToken cancellationToken) =>
        (await credentialsSource.GetAsync(cancellationToken).ConfigureAwait(false)).InstanceUrl;

    /// <summary>The model-driven app URL of a record in the environment of the current token:
    /// <c>{InstanceUrl}/main.aspx?etn={logicalName}&amp;pagetype=entityrecord&amp;id={guid}</c> (facts B6).</summary>
    /// <exception cref="InvalidOperationException">No call has obtained a token yet; use <see cref="RecordUrl(Uri, string, Guid)"/> with <see cref="GetInstanceUrlAsync"/>.</exception>
    public Uri RecordUrl(string logicalName, Guid id) =>
        RecordUrl(sessionStore.Current?.InstanceUrl ?? throw new InvalidOperationException("No Dataverse session yet: call GetInstanceUrlAsync and the static RecordUrl overload."), logicalName, id);

    /// <summary>The model-driven app URL of a record: <c>{instanceUrl}/main.aspx?etn={logicalName}&amp;pagetype=entityrecord&amp;id={guid}</c>.</summary>
    /// <exception cref="ArgumentException"><paramref name="logicalName"/> is not a logical name.</exception>
    public static Uri RecordUrl(Uri instanceUrl, string logicalName, Guid id)
    {
        ArgumentNullException.ThrowIfNull(instanceUrl);
        RequireName(logicalName, nameof(logicalName));
        return new Uri($"{instanceUrl.GetLeftPart(UriPartial.Authority)}/main.aspx?etn={logicalName}&pagetype=entityrecord&id={id.ToString("D", CultureInfo.InvariantCulture)}");
    }

    /// <summary>Queries an entity set without <c>$count</c>; see <see cref="QueryAsync(string, string, string?, string?, int?, int, bool, CancellationToken)"/>.</summary>
    public Task<DataversePage> QueryAsync(
        string entitySetName, string select, string? filter, string? expand, int? top, int pageSize, CancellationToken cancellationToken) =>
        QueryAsync(entitySetName, select, filter, expand, top, pageSize, count: false, cancellationToken);

    /// <summary>Queries an entity set (<c>GET {set}?$select=…&amp;$filter=…&amp;$expand=…&amp;$top=…&amp;$count=true</c>) and returns the first page.</summary>
    /// <param name="entitySetName">The collection, e.g. <c>contacts</c>.</param>
    /// <param name="select">Comma-separated columns, each checked with <see cref="OData.IsValidIdentifier"/>.</param>
    /// <param name="filter">The <c>$filter</c> text built with <see cref="OData"/> (caller data only through <see cref="OData.Literal(string)"/>); it is URL-encoded here.</param>
    /// <param name="expand">The <c>$expand</c> text, e.g. <c>parentcustomerid_account($select=name)</c>; URL-encoded here.</param>
    /// <param name="top">At most this many records. Dataverse ignores <c>$top</c> together with <c>odata.maxpagesize</c> (facts B2), so
    /// when <paramref name="top"/> is given no page size is requested.</param>
    /// <param name="pageSize">Records per page (<c>Prefer: odata.maxpagesize</c>), 1 to 5,000.</param>
    /// <param name="count">Asks for <c>@odata.count</c> (<c>$count=true</c>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<DataversePage> QueryAsync(
        string entitySetName, string select, string? filter, string? expand, int? top, int pageSize, bool count, CancellationToken cancellationToken)
    {
        RequireName(entitySetName, nameof(entitySetName));
        ArgumentException.ThrowIfNullOrWhiteSpace(select);
        var columns = OData.Select(select.Split(','));
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, MaxPageSize);
        if (top is { } t)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(t, 1, nameof(top));
        }

        var query = new StringBuilder("$select=").Append(Uri.EscapeDataString(columns));
        if (!string.IsNullOrWhiteSpace(filter))
        {
            query.Append("&$filter=").Append(Uri.EscapeDataString(filter));
        }

        if (!string.IsNullOrWhiteSpace(expand))
        {
            query.Append("&$expand=").Append(Uri.EscapeDataString(expand));
        }

        if (top is { } limit)
        {
            query.Append("&$top=").Append(limit.ToString(CultureInfo.InvariantCulture));
        }

        if (count)
        {
            query.Append("&$count=true");
        }

        var queryText = query.ToString();
        // Recorded readable (unencoded) for "Try node"; only kept while a SentQueries scope watches.
        SentQueries.Record(entitySetName + "?" + Uri.UnescapeDataString(queryText));
        return GetPageAsync(apiBase => new Uri(apiBase, entitySetName + "?" + queryText), top is null ? pageSize : null, cancellationToken);
    }

    /// <summary>Fetches the next page from <see cref="DataversePage.NextLink"/>, unchanged (facts B2: don't modify or append options),
    /// with the same page size.</summary>
    /// <exception cref="ArgumentException">The link is not an absolute URL on the environment's host (the token is never sent elsewhere).</exception>
    public Task<DataversePage> NextPageAsync(string nextLink, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nextLink);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, MaxPageSize);
        if (!Uri.TryCreate(nextLink, UriKind.Absolute, out var link))
        {
            throw new ArgumentException("nextLink must be the absolute @odata.nextLink Dataverse returned.", nameof(nextLink));
        }

        return GetPageAsync(apiBase =>
        {
            if (Uri.Compare(link, apiBase, UriComponents.SchemeAndServer, UriFormat.UriEscaped, StringComparison.OrdinalIgnoreCase) != 0)
            {
                throw new ArgumentException("nextLink points to another host than the Dataverse environment.", nameof(nextLink));
            }

            return link;
        }, pageSize, cancellationToken);
    }

    /// <summary>A table's metadata (<c>EntityDefinitions(LogicalName='…')</c>); cached per silo for <see cref="DataverseConnectorOptions.MetadataCacheDuration"/>.</summary>
    /// <exception cref="DataverseApiException">404 when the table does not exist.</exception>
    public async Task<DataverseEntityDefinition> GetEntityAsync(string logicalName, CancellationToken cancellationToken)
    {
        RequireName(logicalName, nameof(logicalName));
        var instance = await GetInstanceUrlAsync(cancellationToken).ConfigureAwait(false);
        return await sessionStore.GetOrAddMetadataAsync(
            $"{instance}|entity|{logicalName}",
            settings.MetadataCacheDuration,
            async () => ParseEntity(await GetJsonAsync(
                apiBase => new Uri(apiBase, $"EntityDefinitions(LogicalName='{logicalName}')?$select={EntitySelect}"),
                cancellationToken).ConfigureAwait(false))).ConfigureAwait(false);
    }

    /// <summary>Every table's metadata (<c>EntityDefinitions?$select=LogicalName,EntitySetName,PrimaryIdAttribute,PrimaryNameAttribute,DisplayName,IsCustomEntity</c>); cached per silo.</summary>
    public async Task<IReadOnlyList<DataverseEntityDefinition>> ListEntitiesAsync(CancellationToken cancellationToken)
    {
        var instance = await GetInstanceUrlAsync(cancellationToken).ConfigureAwait(false);
        return await sessionStore.GetOrAddMetadataAsync<IReadOnlyList<DataverseEntityDefinition>>(
            $"{instance}|entities",
            settings.MetadataCacheDuration,
            async () => Values(await GetJsonAsync(apiBase => new Uri(apiBase, $"EntityDefinitions?$select={EntitySelect}"), cancellationToken).ConfigureAwait(false))
                .Select(ParseEntity).ToList()).ConfigureAwait(false);
    }

    /// <summary>A table's columns (<c>…/Attributes?$select=LogicalName,AttributeType,DisplayName,IsValidForRead</c>), with the
    /// <c>Targets</c> of its lookups (<c>…/Attributes/Microsoft.Dynamics.CRM.LookupAttributeMetadata?$select=LogicalName,Targets</c>); cached per silo.</summary>
    public async Task<IReadOnlyList<DataverseAttribute>> GetAttributesAsync(string logicalName, CancellationToken cancellationToken)
    {
        RequireName(logicalName, nameof(logicalName));
        var instance = await GetInstanceUrlAsync(cancellationToken).ConfigureAwait(false);
        return await sessionStore.GetOrAddMetadataAsync<IReadOnlyList<DataverseAttribute>>(
            $"{instance}|attributes|{logicalName}",
            settings.MetadataCacheDuration,
            async () =>
            {
                var entity = $"EntityDefinitions(LogicalName='{logicalName}')";
                var attributes = Values(await GetJsonAsync(
                    apiBase => new Uri(apiBase, $"{entity}/Attributes?$select=LogicalName,AttributeType,DisplayName,IsValidForRead"),
                    cancellationToken).ConfigureAwait(false));
                var targets = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
                if (attributes.Any(a => (string?)a["AttributeType"] is "Lookup" or "Customer" or "Owner"))
                {
                    // Targets is a property of the derived LookupAttributeMetadata type: only a cast segment returns it (facts B3).
                    foreach (var lookup in Values(await GetJsonAsync(
                        apiBase => new Uri(apiBase, $"{entity}/Attributes/Microsoft.Dynamics.CRM.LookupAttributeMetadata?$select=LogicalName,Targets"),
                        cancellationToken).ConfigureAwait(false)))
                    {
                        if ((string?)lookup["LogicalName"] is { } name)
                        {
                            targets[name] = (lookup["Targets"] as JsonArray)?.Select(t => (string?)t).OfType<string>().ToList() ?? [];
                        }
                    }
                }

                return attributes.Select(a =>
                {
                    var name = (string?)a["LogicalName"] ?? string.Empty;
                    return new DataverseAttribute
                    {
                        LogicalName = name,
                        AttributeType = (string?)a["AttributeType"] ?? string.Empty,
                        DisplayName = Label(a["DisplayName"]),
                        IsValidForRead = a["IsValidForRead"] is JsonValue v && v.TryGetValue<bool>(out var read) && read,
                        Targets = targets.TryGetValue(name, out var t) ? t : [],
                    };
                }).ToList();
            }).ConfigureAwait(false);
    }

    /// <summary>A table's many-to-one relationships (<c>…/ManyToOneRelationships?$select=ReferencingAttribute,ReferencedEntity,ReferencingEntityNavigationPropertyName</c>); cached per silo.</summary>
    public async Task<IReadOnlyList<DataverseRelationship>> GetManyToOneRelationshipsAsync(string logicalName, CancellationToken cancellationToken)
    {
        RequireName(logicalName, nameof(logicalName));
        var instance = await GetInstanceUrlAsync(cancellationToken).ConfigureAwait(false);
        return await sessionStore.GetOrAddMetadataAsync<IReadOnlyList<DataverseRelationship>>(
            $"{instance}|manytoone|{logicalName}",
            settings.MetadataCacheDuration,
            async () => Values(await GetJsonAsync(
                    apiBase => new Uri(apiBase, $"EntityDefinitions(LogicalName='{logicalName}')/ManyToOneRelationships?$select=ReferencingAttribute,ReferencedEntity,ReferencingEntityNavigationPropertyName"),
                    cancellationToken).ConfigureAwait(false))
                .Select(r => new DataverseRelationship
                {
                    ReferencingAttribute = (string?)r["ReferencingAttribute"] ?? string.Empty,
                    ReferencedEntity = (string?)r["ReferencedEntity"] ?? string.Empty,
                    ReferencingEntityNavigationPropertyName = (string?)r["ReferencingEntityNavigationPropertyName"] ?? string.Empty,
                }).ToList()).ConfigureAwait(false);
    }

    /// <summary>Creates a record (<c>POST {set}</c>) and returns its id from the <c>OData-EntityId</c> header of the 204 answer.</summary>
    public Task<Guid> CreateAsync(string entitySetName, JsonObject body, CancellationToken cancellationToken)
    {
        RequireName(entitySetName, nameof(entitySetName));
        ArgumentNullException.ThrowIfNull(body);
        return CreateCoreAsync(entitySetName, body.ToJsonString(), timeout: null, cancellationToken);
    }

    /// <summary>Creates a note (<c>annotation</c>) regarding a record, with an optional attachment, and returns its id.</summary>
    /// <remarks>An attachment of at most <see cref="DataverseConnectorOptions.InlineAttachmentLimit"/> bytes goes inline as base64
    /// <c>documentbody</c>; a larger one through <c>InitializeAnnotationBlocksUpload</c>, <c>UploadBlock</c> (blocks of
    /// <see cref="DataverseConnectorOptions.UploadBlockSize"/>, at most 4 MB) and <c>CommitAnnotationBlocksUpload</c>, whose Target
    /// carries the new <c>annotationid</c>, <c>filename</c> and <c>mimetype</c> (facts B4).</remarks>
    /// <param name="regardingEntityLogicalName">The record's table, e.g. <c>contact</c> (binds <c>objectid_contact@odata.bind</c>).</param>
    /// <param name="regardingEntitySetName">The record's entity set, e.g. <c>contacts</c>.</param>
    /// <param name="regardingId">The record's id.</param>
    /// <param name="subject">The note's title (max 500).</param>
    /// <param name="noteText">The note's text, or null.</param>
    /// <param name="fileName">The attachment's file name (required with <paramref name="data"/>).</param>
    /// <param name="mimeType">The attachment's MIME type; <c>application/octet-stream</c> when null.</param>
    /// <param name="data">The attachment, read from its current position; null for a note without a file.</param>
    /// <param name="length">How many bytes of <paramref name="data"/> to send.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <exception cref="DataverseApiException">Dataverse refused the note; for an attachment above the environment's
    /// <c>MaxUploadFileSize</c> the message names that limit.</exception>
    public async Task<Guid> CreateAnnotationAsync(
        string regardingEntityLogicalName,
        string regardingEntitySetName,
        Guid regardingId,
        string subject,
        string? noteText,
        string? fileName,
        string? mimeType,
        Stream? data,
        long length,
        CancellationToken cancellationToken)
    {
        RequireName(regardingEntityLogicalName, nameof(regardingEntityLogicalName));
        RequireName(regardingEntitySetName, nameof(regardingEntitySetName));
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        ArgumentOutOfRangeException.ThrowIfNegative(length);

        var note = new JsonObject
        {
            ["subject"] = subject,
            [$"objectid_{regardingEntityLogicalName}@odata.bind"] = $"/{regardingEntitySetName}({regardingId:D})",
        };
        if (noteText is not null)
        {
            note["notetext"] = noteText;
        }

        if (data is null)
        {
            return await CreateCoreAsync("annotations", note.ToJsonString(), timeout: null, cancellationToken).ConfigureAwait(false);
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        note["filename"] = fileName;
        note["mimetype"] = mimeType ?? "application/octet-stream";
        note["isdocument"] = true;

        try
        {
            if (length <= settings.InlineAttachmentLimit)
            {
                var bytes = new byte[length];
                await data.ReadExactlyAsync(bytes, cancellationToken).ConfigureAwait(false);
                note["documentbody"] = Convert.ToBase64String(bytes);
                return await CreateCoreAsync("annotations", note.ToJsonString(), settings.UploadTimeout, cancellationToken).ConfigureAwait(false);
            }

            return await UploadInBlocksAsync(note, data, length, cancellationToken).ConfigureAwait(false);
        }
        catch (DataverseApiException ex) when (IsTooLarge(ex))
        {
            throw new DataverseApiException(ex.StatusCode, ex.ErrorCode,
                $"The {length}-byte attachment '{fileName}' is larger than the Dataverse environment accepts: raise the environment's maximum file size " +
                $"(Organization.MaxUploadFileSize, System Settings > Email; 5 MB by default, up to 128 MB). Dataverse said: {ex.ErrorMessage}");
        }
    }

    private async Task<Guid> UploadInBlocksAsync(JsonObject note, Stream data, long length, CancellationToken cancellationToken)
    {
        var annotationId = Guid.NewGuid();
        var target = note.DeepClone().AsObject();
        target["annotationid"] = annotationId.ToString("D", CultureInfo.InvariantCulture);
        target["@odata.type"] = "Microsoft.Dynamics.CRM.annotation";

        var initialized = await PostActionAsync("InitializeAnnotationBlocksUpload", new JsonObject { ["Target"] = target.DeepClone() }, cancellationToken).ConfigureAwait(false);
        var continuation = (string?)initialized?["FileContinuationToken"]
            ?? throw new DataverseApiException(HttpStatusCode.OK, null, "InitializeAnnotationBlocksUpload returned no FileContinuationToken.");

        var blockIds = new JsonArray();
        var buffer = new byte[(int)Math.Min(settings.UploadBlockSize, length)];
        long sent = 0;
        for (var index = 0; sent < length; index++)
        {
            var size = (int)Math.Min(buffer.Length, length - sent);
            await data.ReadExactlyAsync(buffer.AsMemory(0, size), cancellationToken).ConfigureAwait(false);
            // Block ids must all have the same length before base64 encoding (as in Azure block blobs, which back the store).
            var blockId = Convert.ToBase64String(Encoding.ASCII.GetBytes(index.ToString("D6", CultureInfo.InvariantCulture)));
            await PostActionAsync("UploadBlock", new JsonObject
            {
                ["BlockId"] = blockId,
                ["BlockData"] = Convert.ToBase64String(buffer, 0, size),
                ["FileContinuationToken"] = continuation,
            }, cancellationToken).ConfigureAwait(false);
            blockIds.Add(blockId);
            sent += size;
        }

        var committed = await PostActionAsync("CommitAnnotationBlocksUpload", new JsonObject
        {
            ["Target"] = target,
            ["BlockList"] = blockIds,
            ["FileContinuationToken"] = continuation,
        }, cancellationToken).ConfigureAwait(false);
        return committed?["AnnotationId"] is JsonValue id && Guid.TryParse((string?)id, out var created) ? created : annotationId;
    }

    private static bool IsTooLarge(DataverseApiException ex) =>
        ex.StatusCode == HttpStatusCode.RequestEntityTooLarge
        || string.Equals(ex.ErrorCode, "0x80044a02", StringComparison.OrdinalIgnoreCase)
        || ex.ErrorMessage.Contains("too large", StringComparison.OrdinalIgnoreCase)
        || ex.ErrorMessage.Contains("MaxUploadFileSize", StringComparison.OrdinalIgnoreCase);

    private async Task<JsonObject?> PostActionAsync(string action, JsonObject body, CancellationToken cancellationToken)
    {
        var json = body.ToJsonString();
        using var response = await SendAsync(
            (apiBase, _) => new HttpRequestMessage(HttpMethod.Post, new Uri(apiBase, action)) { Content = JsonContent(json) },
            settings.UploadTimeout,
            cancellationToken).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return bytes.Length == 0 ? null : JsonSerializer.Deserialize(bytes, DataverseJsonContext.Default.JsonObject);
    }

    private async Task<Guid> CreateCoreAsync(string entitySetName, string json, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(
            (apiBase, _) => new HttpRequestMessage(HttpMethod.Post, new Uri(apiBase, entitySetName)) { Content = JsonContent(json) },
            timeout,
            cancellationToken).ConfigureAwait(false);
        var entityId = response.Headers.TryGetValues("OData-EntityId", out var values) ? values.FirstOrDefault() : response.Headers.Location?.ToString();
        if (entityId is not null)
        {
            var open = entityId.LastIndexOf('(');
            var close = entityId.LastIndexOf(')');
            if (open >= 0 && close > open && Guid.TryParse(entityId.AsSpan(open + 1, close - open - 1), out var id))
            {
                return id;
            }
        }

        throw new DataverseApiException(response.StatusCode, null, $"Dataverse created a {entitySetName} record but sent no OData-EntityId with its id.");
    }

    private static StringContent JsonContent(string json)
    {
        var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private async Task<DataversePage> GetPageAsync(Func<Uri, Uri> uri, int? pageSize, CancellationToken cancellationToken)
    {
        Uri? requested = null;
        using var response = await SendAsync(
            (apiBase, _) =>
            {
                requested = uri(apiBase);
                var request = new HttpRequestMessage(HttpMethod.Get, requested);
                var prefer = "odata.include-annotations=\"*\"";
                if (pageSize is { } size)
                {
                    prefer = $"odata.maxpagesize={size.ToString(CultureInfo.InvariantCulture)}," + prefer;
                }

                request.Headers.TryAddWithoutValidation("Prefer", prefer);
                return request;
            },
            timeout: null,
            cancellationToken).ConfigureAwait(false);
        var root = await ReadObjectAsync(response, cancellationToken).ConfigureAwait(false);
        return new DataversePage
        {
            Records = Values(root),
            NextLink = (string?)root["@odata.nextLink"],
            Count = root["@odata.count"] is JsonValue c && c.TryGetValue<long>(out var n) ? n : null,
            RequestUri = requested!,
        };
    }

    private async Task<JsonObject> GetJsonAsync(Func<Uri, Uri> uri, CancellationToken cancellationToken)
    {
        using var response = await SendAsync((apiBase, _) => new HttpRequestMessage(HttpMethod.Get, uri(apiBase)), timeout: null, cancellationToken).ConfigureAwait(false);
        return await ReadObjectAsync(response, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<JsonObject> ReadObjectAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return (bytes.Length == 0 ? null : JsonSerializer.Deserialize(bytes, DataverseJsonContext.Default.JsonObject))
                ?? throw new DataverseApiException(response.StatusCode, null, "Dataverse answered with an empty body.");
        }
        catch (JsonException ex)
        {
            throw new DataverseApiException(response.StatusCode, null, $"Dataverse answered with a body that is not a JSON object ({ex.Message}).");
        }
    }

    private static List<JsonObject> Values(JsonObject root) =>
        (root["value"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];

    private static DataverseEntityDefinition ParseEntity(JsonObject e) => new()
    {
        LogicalName = (string?)e["LogicalName"] ?? string.Empty,
        EntitySetName = (string?)e["EntitySetName"] ?? string.Empty,
        PrimaryIdAttribute = (string?)e["PrimaryIdAttribute"] ?? string.Empty,
        PrimaryNameAttribute = (string?)e["PrimaryNameAttribute"],
        DisplayName = Label(e["DisplayName"]),
        IsCustomEntity = e["IsCustomEntity"] is JsonValue v && v.TryGetValue<bool>(out var custom) && custom,
    };

    // Labels are {"LocalizedLabels":[{"Label":"Contact","LanguageCode":1033}],"UserLocalizedLabel":{"Label":"Contact",...}}.
    private static string? Label(JsonNode? label) =>
        (string?)label?["UserLocalizedLabel"]?["Label"]
        ?? (label?["LocalizedLabels"] as JsonArray)?.Select(l => (string?)l?["Label"]).FirstOrDefault(l => l is not null);

    /// <summary>Sends a request with the current token; on 401 renews it (single-flight) and sends once more.
    /// Returns a successful response; throws for anything else.</summary>
    private async Task<HttpResponseMessage> SendAsync(
        Func<Uri, DataverseCredentials, HttpRequestMessage> build, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        var (session, credentials) = await GetSessionAsync(cancellationToken).ConfigureAwait(false);
        var response = await SendOnceAsync(session, credentials, build, timeout, cancellationToken).ConfigureAwait(false);

        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            DataverseLog.TokenRejected(logger, response.RequestMessage?.Method ?? HttpMethod.Get, response.RequestMessage?.RequestUri?.AbsolutePath ?? string.Empty);
            response.Dispose();
            credentials = sessionStore.Normalize(await credentialsSource.GetAsync(cancellationToken).ConfigureAwait(false));
            session = await RenewAsync(session, credentials, cancellationToken).ConfigureAwait(false);
            response = await SendOnceAsync(session, credentials, build, timeout, cancellationToken).ConfigureAwait(false);
        }

        if (!response.IsSuccessStatusCode)
        {
            var method = response.RequestMessage?.Method ?? HttpMethod.Get;
            var path = response.RequestMessage?.RequestUri?.AbsolutePath ?? string.Empty;
            var error = await DataverseApiException.FromResponseAsync(response, Redactor(session, credentials), cancellationToken).ConfigureAwait(false);
            DataverseLog.CallFailed(logger, method, path, error.StatusCode, error.ErrorCode);
            throw error;
        }

        return response;
    }

    private async Task<HttpResponseMessage> SendOnceAsync(
        DataverseSession session,
        DataverseCredentials credentials,
        Func<Uri, DataverseCredentials, HttpRequestMessage> build,
        TimeSpan? timeout,
        CancellationToken cancellationToken)
    {
        var request = build(ApiBase(session.InstanceUrl), credentials);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", session.AccessToken);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.TryAddWithoutValidation("OData-MaxVersion", "4.0");
        request.Headers.TryAddWithoutValidation("OData-Version", "4.0");
        if (request.Method == HttpMethod.Get)
        {
            // Facts B2: without it a browser-like cache could answer from an earlier ETag.
            request.Headers.TryAddWithoutValidation("If-None-Match", "null");
        }

        return await HttpConnectorTransport.SendAsync(
            httpClient,
            lane,
            request,
            timeout ?? credentials.RequestTimeout,
            Redactor(session, credentials),
            (failure, ex) => new DataverseUnavailableException(failure, ex),
            cancellationToken).ConfigureAwait(false);
    }

    // Error bodies and reason phrases are Dataverse's (or a proxy's) text and may quote what the request carried.
    private static SecretRedactor Redactor(DataverseSession session, DataverseCredentials credentials) =>
        SecretRedactor.For(session.AccessToken, credentials.RefreshToken).WithBasic(credentials.ClientId, credentials.ClientSecret);

    private Uri ApiBase(Uri instanceUrl) => new(new Uri(instanceUrl.GetLeftPart(UriPartial.Authority) + "/"), settings.ApiPath);

    private async Task<(DataverseSession Session, DataverseCredentials Credentials)> GetSessionAsync(CancellationToken cancellationToken)
    {
        var credentials = sessionStore.Normalize(await credentialsSource.GetAsync(cancellationToken).ConfigureAwait(false));
        var current = sessionStore.Current;
        if (sessionStore.IsUsable(current, credentials, settings.TokenRefreshMargin))
        {
            return (current!, credentials);
        }

        return (await RenewAsync(current, credentials, cancellationToken).ConfigureAwait(false), credentials);
    }

    private Task<DataverseSession> RenewAsync(DataverseSession? failed, DataverseCredentials credentials, CancellationToken cancellationToken) =>
        sessionStore.RenewAsync(
            failed,
            credentials,
            settings.TokenRefreshMargin,
            async (c, ct) =>
            {
                var grant = c.RefreshToken is null ? "client_credentials" : "refresh_token";
                var token = c.RefreshToken is null
                    ? await oauthClient.ClientCredentialsAsync(c, ct).ConfigureAwait(false)
                    : await oauthClient.RefreshAsync(c, ct).ConfigureAwait(false);
                DataverseLog.TokenObtained(logger, c.InstanceUrl, grant, token.ExpiresAt);
                return token;
            },
            async (rotated, ct) =>
            {
                DataverseLog.RefreshTokenRotated(logger);
                try
                {
                    await credentialsSource.RefreshTokenRotatedAsync(rotated, ct).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The store keeps the new token in memory and maps the old one to it, so calls go on; the next
                    // rotation tries to store again.
                    DataverseLog.RotationNotStored(logger, ex);
                }
            },
            async (error, ct) =>
            {
                DataverseLog.ReauthorizationRequired(logger, error.Error);
                var reason = string.IsNullOrWhiteSpace(error.Description)
                    ? $"Entra ID refused the Dataverse credentials: {error.Error}."
                    : $"Entra ID refused the Dataverse credentials: {error.Error} ({error.Description}).";
                await credentialsSource.ReauthorizationRequiredAsync(reason, ct).ConfigureAwait(false);
            },
            cancellationToken);

    private static void RequireName(string name, string parameter)
    {
        if (!OData.IsValidName(name))
        {
            throw new ArgumentException($"'{name}' is not a Dataverse logical or entity set name.", parameter);
        }
    }
}
