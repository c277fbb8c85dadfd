using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using ClarityConnect.Connectors.Http;
using ClarityConnect.Connectors.OAuth;
using ClarityConnect.Connectors.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClarityConnect.Connectors.Salesforce;

/// <summary>The Salesforce REST API: SOQL queries, SOSL searches, describes and record creation.</summary>
/// <remarks>
/// One per <see cref="HttpLane"/>: the lane's named <see cref="HttpClient"/> runs <see cref="CrmAccessTokenHandler{TCredentials}"/>
/// and then that lane's resilience pipeline (see <see cref="SalesforceServiceCollectionExtensions.AddSalesforceConnector"/>). The
/// token lives in the singleton <see cref="CrmAccessTokenStore{TCredentials}"/>: the first call obtains it (refresh-token grant,
/// or client credentials when the credentials have no refresh token); a 401 renews it once, however many calls hit it
/// together, and the handler retries the call once. A refusal that needs a new authorization is reported to
/// <see cref="ICrmCredentialsSource{TCredentials}.ReauthorizationRequiredAsync"/> and thrown as <see cref="OAuthException"/>.
/// Errors: <see cref="SalesforceApiException"/> (Salesforce's error array), <see cref="SalesforceUnavailableException"/>
/// (unreachable, timed out, the lane's breaker open), <see cref="CrmNotConfiguredException"/> (from the credentials source).
/// </remarks>
public sealed class SalesforceClient
{
    private readonly CrmRestSender<SalesforceCredentials, SalesforceApiException> sender;
    private readonly CrmAccessTokenStore<SalesforceCredentials> tokens;
    private readonly MetadataCache<SalesforceClient> describeCache;
    private readonly SalesforceConnectorOptions settings;

    /// <summary>Creates the client of one lane.</summary>
    public SalesforceClient(
        HttpClient httpClient,
        HttpConnectorLane lane,
        CrmAccessTokenStore<SalesforceCredentials> tokens,
        MetadataCache<SalesforceClient> describeCache,
        IOptions<SalesforceConnectorOptions> options,
        ILogger<SalesforceClient> logger)
    {
        this.tokens = tokens;
        this.describeCache = describeCache;
        settings = options.Value;
        sender = new(httpClient, lane, tokens, (failure, ex) => new SalesforceUnavailableException(failure, ex), SalesforceApiException.ReadAsync, logger);
    }

    /// <summary>The instance URL of the current token.</summary>
    /// <exception cref="InvalidOperationException">No call has obtained a token yet; see <see cref="GetInstanceUrlAsync"/>.</exception>
    public Uri InstanceUrl => tokens.Current?.InstanceUrl
        ?? throw new InvalidOperationException("No Salesforce access token yet: the instance URL is known after the first call.");

    /// <summary>The instance URL, obtaining a token first when there is none.</summary>
    public async Task<Uri> GetInstanceUrlAsync(CancellationToken cancellationToken) =>
        (await tokens.GetAsync(cancellationToken).ConfigureAwait(false)).Token.InstanceUrl;

    /// <summary>The Lightning URL of a record in the current org; see <see cref="SalesforceRecordUrl.Lightning"/>.</summary>
    /// <exception cref="InvalidOperationException">No access token yet.</exception>
    public Uri RecordUrl(string objectType, string id) => SalesforceRecordUrl.Lightning(InstanceUrl, objectType, id);

    /// <summary>Runs a SOQL query (<c>GET /query?q=</c>) and returns its first page. Build the text with <see cref="Soql"/>.</summary>
    public Task<SalesforceQueryPage> QueryAsync(string soql, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(soql);
        SentQueries.Record(soql);
        return GetJsonAsync(
            (token, credentials) => DataUri(token, credentials, "query", "q=" + Uri.EscapeDataString(soql)),
            SalesforceJsonContext.Default.SalesforceQueryPage,
            cancellationToken);
    }

    /// <summary>Fetches the next page of a query from its <see cref="SalesforceQueryPage.NextRecordsUrl"/>.</summary>
    /// <exception cref="ArgumentException">The URL is not a relative <c>/services/data/</c> path (the token is never sent elsewhere).</exception>
    public Task<SalesforceQueryPage> QueryMoreAsync(string nextRecordsUrl, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nextRecordsUrl);
        if (!nextRecordsUrl.StartsWith("/services/data/", StringComparison.Ordinal) || nextRecordsUrl.Contains("..", StringComparison.Ordinal))
        {
            throw new ArgumentException("nextRecordsUrl must be the relative /services/data/ path Salesforce returned.", nameof(nextRecordsUrl));
        }

        return GetJsonAsync(
            (token, _) => new Uri(token.InstanceUrl, nextRecordsUrl),
            SalesforceJsonContext.Default.SalesforceQueryPage,
            cancellationToken);
    }

    /// <summary>Runs a SOQL query and streams its records, following <c>nextRecordsUrl</c> until done or <paramref name="maxRecords"/> were returned.</summary>
    public async IAsyncEnumerable<JsonObject> QueryAllAsync(string soql, int maxRecords, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxRecords);
        if (maxRecords == 0)
        {
            yield break;
        }

        var returned = 0;
        var page = await QueryAsync(soql, cancellationToken).ConfigureAwait(false);
        while (true)
        {
            foreach (var record in page.Records)
            {
                yield return record;
                if (++returned >= maxRecords)
                {
                    yield break;
                }
            }

            if (page.Done || string.IsNullOrEmpty(page.NextRecordsUrl))
            {
                yield break;
            }

            page = await QueryMoreAsync(page.NextRecordsUrl, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Runs a SOSL search (<c>GET /search/?q=</c>) and returns <c>searchRecords</c>. Build terms with <see cref="Sosl"/>.</summary>
    public async Task<IReadOnlyList<JsonObject>> SearchAsync(string sosl, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sosl);
        SentQueries.Record(sosl);
        using var response = await sender.SendAsync(
            (token, credentials) => new HttpRequestMessage(HttpMethod.Get, DataUri(token, credentials, "search/", "q=" + Uri.EscapeDataString(sosl))),
            timeout: null,
            cancellationToken).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);

        // Up to v35 the answer was a bare array; since v36 it is {"searchRecords":[...]} (crm-wire-facts A5).
        var trimmed = bytes.AsSpan().TrimStart(" \t\r\n"u8);
        if (!trimmed.IsEmpty && trimmed[0] == (byte)'[')
        {
            return JsonSerializer.Deserialize(bytes, SalesforceJsonContext.Default.ListJsonObject) ?? [];
        }

        return JsonSerializer.Deserialize(bytes, SalesforceJsonContext.Default.SalesforceSearchResult)?.SearchRecords ?? [];
    }

    /// <summary>Lists the org's objects (<c>GET /sobjects/</c>); cached per silo for <see cref="SalesforceConnectorOptions.DescribeCacheDuration"/>.</summary>
    public async Task<IReadOnlyList<SalesforceObjectInfo>> DescribeGlobalAsync(CancellationToken cancellationToken)
    {
        var instance = await GetInstanceUrlAsync(cancellationToken).ConfigureAwait(false);
        return await describeCache.GetOrAddAsync<IReadOnlyList<SalesforceObjectInfo>>(
            $"{instance}|*",
            settings.DescribeCacheDuration,
            async () => (await GetJsonAsync(
                (token, credentials) => DataUri(token, credentials, "sobjects/", null),
                SalesforceJsonContext.Default.SalesforceDescribeGlobalResult,
                cancellationToken).ConfigureAwait(false)).SObjects).ConfigureAwait(false);
    }

    /// <summary>Describes one object (<c>GET /sobjects/{Object}/describe</c>); cached per silo for <see cref="SalesforceConnectorOptions.DescribeCacheDuration"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="objectName"/> is not an API name.</exception>
    public async Task<SalesforceObjectDescribe> DescribeAsync(string objectName, CancellationToken cancellationToken)
    {
        RequireObjectName(objectName);
        var instance = await GetInstanceUrlAsync(cancellationToken).ConfigureAwait(false);
        return await describeCache.GetOrAddAsync(
            $"{instance}|{objectName}",
            settings.DescribeCacheDuration,
            () => GetJsonAsync(
                (token, credentials) => DataUri(token, credentials, $"sobjects/{objectName}/describe", null),
                SalesforceJsonContext.Default.SalesforceObjectDescribe,
                cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Creates a record (<c>POST /sobjects/{Object}/</c>) and returns its id.</summary>
    public Task<string> CreateAsync(string objectName, JsonObject fields, CancellationToken cancellationToken)
    {
        RequireObjectName(objectName);
        ArgumentNullException.ThrowIfNull(fields);
        var json = fields.ToJsonString();
        return CreateCoreAsync(objectName, new StringContent(json, Encoding.UTF8, "application/json"), timeout: null, cancellationToken);
    }

    /// <summary>Uploads a file as a ContentVersion linked to <paramref name="firstPublishLocationId"/> and returns the ContentVersion id.
    /// Small files go as JSON with base64 <c>VersionData</c>; when the base64 would exceed
    /// <see cref="SalesforceConnectorOptions.ContentVersionJsonLimit"/> (37.5 MB), as multipart/form-data
    /// (<c>entity_content</c> JSON part, then the binary <c>VersionData</c> part).</summary>
    /// <param name="title">The file's title.</param>
    /// <param name="pathOnClient">The file name; its extension sets the file type.</param>
    /// <param name="firstPublishLocationId">The record to attach the file to (Salesforce links it on creation).</param>
    /// <param name="data">The content, read from its current position; a seekable stream can be re-sent on retries.</param>
    /// <param name="length">How many bytes of <paramref name="data"/> to send.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    public async Task<string> CreateContentVersionAsync(
        string title, string pathOnClient, string firstPublishLocationId, Stream data, long length, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(title);
        ArgumentException.ThrowIfNullOrEmpty(pathOnClient);
        ArgumentException.ThrowIfNullOrEmpty(firstPublishLocationId);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegative(length);

        var entity = new JsonObject
        {
            ["Title"] = title,
            ["PathOnClient"] = pathOnClient,
            ["FirstPublishLocationId"] = firstPublishLocationId,
        };

        var base64Length = (length + 2) / 3 * 4;
        if (base64Length <= settings.ContentVersionJsonLimit)
        {
            var bytes = new byte[length];
            await data.ReadExactlyAsync(bytes, cancellationToken).ConfigureAwait(false);
            entity["VersionData"] = Convert.ToBase64String(bytes);
            var json = entity.ToJsonString();
            return await CreateCoreAsync("ContentVersion", new StringContent(json, Encoding.UTF8, "application/json"), settings.UploadTimeout, cancellationToken).ConfigureAwait(false);
        }

        var entityJson = entity.ToJsonString();
        var filePart = new StreamContent(new LengthLimitedStream(data, length));
        filePart.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        filePart.Headers.ContentLength = length;
        var multipart = new MultipartFormDataContent
        {
            { new StringContent(entityJson, Encoding.UTF8, "application/json"), "entity_content" },
            { filePart, "VersionData", pathOnClient },
        };

        // StreamContent rewinds a seekable stream to where it started, so after a 401 the handler can send the file again;
        // a forward-only stream cannot be re-read, and its 401 surfaces (the caller uploads again).
        return await CreateCoreAsync("ContentVersion", multipart, settings.UploadTimeout, cancellationToken, resendable: data.CanSeek).ConfigureAwait(false);
    }

    private async Task<string> CreateCoreAsync(
        string objectName, HttpContent content, TimeSpan? timeout, CancellationToken cancellationToken, bool? resendable = null)
    {
        var redactor = SecretRedactor.None;
        using var response = await sender.SendAsync(
            (token, credentials) =>
            {
                redactor = CrmRestSender<SalesforceCredentials, SalesforceApiException>.Redactor(token, credentials);
                var request = new HttpRequestMessage(HttpMethod.Post, DataUri(token, credentials, $"sobjects/{objectName}/", null)) { Content = content };
                if (resendable is { } canResend)
                {
                    request.Options.Set(CrmRequestOptions.ResendableContent, canResend);
                }

                return request;
            },
            timeout,
            cancellationToken).ConfigureAwait(false);
        var result = await ReadJsonAsync(response, SalesforceJsonContext.Default.SalesforceCreateResult, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(result.Id) || result.Errors.Count > 0)
        {
            throw new SalesforceApiException(response.StatusCode, result.Errors.Count > 0
                ? SalesforceApiException.Redact(result.Errors, redactor)
                : [new SalesforceError { ErrorCode = "NO_ID", Message = $"Salesforce created no {objectName} id." }]);
        }

        return result.Id;
    }

    private async Task<T> GetJsonAsync<T>(Func<CrmAccessToken, SalesforceCredentials, Uri> uri, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        using var response = await sender.SendAsync(
            (token, credentials) => new HttpRequestMessage(HttpMethod.Get, uri(token, credentials)),
            timeout: null,
            cancellationToken).ConfigureAwait(false);
        return await ReadJsonAsync(response, typeInfo, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            return await JsonSerializer.DeserializeAsync(stream, typeInfo, cancellationToken).ConfigureAwait(false)
                ?? throw new SalesforceApiException(response.StatusCode, [new SalesforceError { ErrorCode = "EMPTY_RESPONSE", Message = "Salesforce answered with an empty body." }]);
        }
    }

    private static Uri DataUri(CrmAccessToken token, SalesforceCredentials credentials, string resource, string? query)
    {
        var builder = new UriBuilder(new Uri(token.InstanceUrl, $"/services/data/v{credentials.ApiVersion}/{resource}"));
        if (query is not null)
        {
            builder.Query = query;
        }

        return builder.Uri;
    }

    private static void RequireObjectName(string objectName)
    {
        if (!Soql.IsValidObjectName(objectName))
        {
            throw new ArgumentException($"'{objectName}' is not a Salesforce object API name.", nameof(objectName));
        }
    }
}
