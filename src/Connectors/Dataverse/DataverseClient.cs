using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ClarityConnect.Connectors.Http;
using ClarityConnect.Connectors.OAuth;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClarityConnect.Connectors.Dataverse;

/// <summary>The Dataverse (Dynamics 365) Web API: queries with paging, metadata, record and note creation.</summary>
/// <remarks>
/// One per <see cref="HttpLane"/>: the lane's named <see cref="HttpClient"/> runs <see cref="CrmAccessTokenHandler{TCredentials}"/>
/// and then that lane's resilience pipeline (see <see cref="DataverseServiceCollectionExtensions.AddDataverseConnector"/>). The
/// access token lives in the singleton <see cref="CrmAccessTokenStore{TCredentials}"/>: it is obtained on first use
/// (refresh-token grant, or client credentials when the credentials have no refresh token), renewed single-flight
/// <see cref="DataverseConnectorOptions.TokenRefreshMargin"/> before it expires and once on a 401 (then the handler retries the
/// call once). A rotated refresh token is handed to <see cref="ICrmCredentialsSource{TCredentials}.RefreshTokenRotatedAsync"/>;
/// a refusal that needs a new authorization is reported once to
/// <see cref="ICrmCredentialsSource{TCredentials}.ReauthorizationRequiredAsync"/> and thrown as <see cref="OAuthException"/>,
/// and later calls fail fast with it until the credentials change. Metadata is <see cref="DataverseMetadata"/>'s job, notes
/// with attachments <see cref="DataverseAnnotations"/>'; this class checks the arguments and hands them on.
/// Errors: <see cref="DataverseApiException"/> (the Web API's error body), <see cref="DataverseUnavailableException"/>
/// (unreachable, timed out, the lane's breaker open, queue full), <see cref="CrmNotConfiguredException"/> (from the credentials source).
/// </remarks>
public sealed class DataverseClient
{
    /// <summary>The largest <c>odata.maxpagesize</c> Dataverse honours (crm-wire-facts B2).</summary>
    public const int MaxPageSize = 5000;

    private readonly DataverseWebApi api;
    private readonly DataverseMetadata metadata;
    private readonly DataverseAnnotations annotations;
    private readonly ICrmCredentialsSource<DataverseCredentials> credentialsSource;

    /// <summary>Creates the client of one lane.</summary>
    public DataverseClient(
        HttpClient httpClient,
        HttpConnectorLane lane,
        ICrmCredentialsSource<DataverseCredentials> credentialsSource,
        CrmAccessTokenStore<DataverseCredentials> tokens,
        MetadataCache<DataverseClient> metadataCache,
        IOptions<DataverseConnectorOptions> options,
        ILogger<DataverseClient> logger)
    {
        this.credentialsSource = credentialsSource;
        api = new DataverseWebApi(httpClient, lane, tokens, options.Value, logger);
        metadata = new DataverseMetadata(api, metadataCache);
        annotations = new DataverseAnnotations(api);
    }

    /// <summary>The environment URL from the current credentials.</summary>
    public async Task<Uri> GetInstanceUrlAsync(CancellationToken cancellationToken) =>
        (await credentialsSource.GetAsync(cancellationToken).ConfigureAwait(false)).InstanceUrl;

    /// <summary>The model-driven app URL of a record in the environment of the current token:
    /// <c>{InstanceUrl}/main.aspx?etn={logicalName}&amp;pagetype=entityrecord&amp;id={guid}</c> (crm-wire-facts B6).</summary>
    /// <exception cref="InvalidOperationException">No call has obtained a token yet; use <see cref="RecordUrl(Uri, string, Guid)"/> with <see cref="GetInstanceUrlAsync"/>.</exception>
    public Uri RecordUrl(string logicalName, Guid id) =>
        RecordUrl(api.Tokens.Current?.InstanceUrl ?? throw new InvalidOperationException("No Dataverse access token yet: call GetInstanceUrlAsync and the static RecordUrl overload."), logicalName, id);

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
    /// <param name="top">At most this many records. Dataverse ignores <c>$top</c> together with <c>odata.maxpagesize</c> (crm-wire-facts B2), so
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

    /// <summary>Fetches the next page from <see cref="DataversePage.NextLink"/>, unchanged (crm-wire-facts B2: don't modify or append options),
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
    public Task<DataverseEntityDefinition> GetEntityAsync(string logicalName, CancellationToken cancellationToken)
    {
        RequireName(logicalName, nameof(logicalName));
        return metadata.GetEntityAsync(logicalName, cancellationToken);
    }

    /// <summary>Every table's metadata (<c>EntityDefinitions?$select=LogicalName,EntitySetName,PrimaryIdAttribute,PrimaryNameAttribute,DisplayName,IsCustomEntity</c>); cached per silo.</summary>
    public Task<IReadOnlyList<DataverseEntityDefinition>> ListEntitiesAsync(CancellationToken cancellationToken) =>
        metadata.ListEntitiesAsync(cancellationToken);

    /// <summary>A table's columns (<c>…/Attributes?$select=LogicalName,AttributeType,DisplayName,IsValidForRead</c>), with the
    /// <c>Targets</c> of its lookups (<c>…/Attributes/Microsoft.Dynamics.CRM.LookupAttributeMetadata?$select=LogicalName,Targets</c>); cached per silo.</summary>
    public Task<IReadOnlyList<DataverseAttribute>> GetAttributesAsync(string logicalName, CancellationToken cancellationToken)
    {
        RequireName(logicalName, nameof(logicalName));
        return metadata.GetAttributesAsync(logicalName, cancellationToken);
    }

    /// <summary>A table's many-to-one relationships (<c>…/ManyToOneRelationships?$select=ReferencingAttribute,ReferencedEntity,ReferencingEntityNavigationPropertyName</c>); cached per silo.</summary>
    public Task<IReadOnlyList<DataverseRelationship>> GetManyToOneRelationshipsAsync(string logicalName, CancellationToken cancellationToken)
    {
        RequireName(logicalName, nameof(logicalName));
        return metadata.GetManyToOneRelationshipsAsync(logicalName, cancellationToken);
    }

    /// <summary>Creates a record (<c>POST {set}</c>) and returns its id from the <c>OData-EntityId</c> header of the 204 answer.</summary>
    public Task<Guid> CreateAsync(string entitySetName, JsonObject body, CancellationToken cancellationToken)
    {
        RequireName(entitySetName, nameof(entitySetName));
        ArgumentNullException.ThrowIfNull(body);
        return api.CreateAsync(entitySetName, body.ToJsonString(), timeout: null, cancellationToken);
    }

    /// <summary>Creates a note (<c>annotation</c>) regarding a record, with an optional attachment, and returns its id.</summary>
    /// <remarks>An attachment of at most <see cref="DataverseConnectorOptions.InlineAttachmentLimit"/> bytes goes inline as base64
    /// <c>documentbody</c>; a larger one through <c>InitializeAnnotationBlocksUpload</c>, <c>UploadBlock</c> (blocks of
    /// <see cref="DataverseConnectorOptions.UploadBlockSize"/>, at most 4 MB) and <c>CommitAnnotationBlocksUpload</c>, whose Target
    /// carries the new <c>annotationid</c>, <c>filename</c> and <c>mimetype</c> (crm-wire-facts B4).</remarks>
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
    public Task<Guid> CreateAnnotationAsync(
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

        return annotations.CreateAsync(note, fileName, mimeType, data, length, cancellationToken);
    }

    private async Task<DataversePage> GetPageAsync(Func<Uri, Uri> uri, int? pageSize, CancellationToken cancellationToken)
    {
        Uri? requested = null;
        using var response = await api.SendAsync(
            apiBase =>
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
        var root = await DataverseWebApi.ReadAsync(response, DataverseJsonContext.Default.JsonObject, cancellationToken).ConfigureAwait(false);
        return new DataversePage
        {
            Records = (root["value"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [],
            NextLink = (string?)root["@odata.nextLink"],
            Count = root["@odata.count"] is JsonValue c && c.TryGetValue<long>(out var n) ? n : null,
            RequestUri = requested!,
        };
    }

    private static void RequireName(string name, string parameter)
    {
        if (!OData.IsValidName(name))
        {
            throw new ArgumentException($"'{name}' is not a Dataverse logical or entity set name.", parameter);
        }
    }
}
