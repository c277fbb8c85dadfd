using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using ClarityConnect.Connectors.Http;
using ClarityConnect.Connectors.OAuth;
using Microsoft.Extensions.Logging;

namespace ClarityConnect.Connectors.Dataverse;

/// <summary>One lane's calls to the Dataverse Web API, which <see cref="DataverseClient"/> (queries, creation),
/// <see cref="DataverseMetadata"/> and <see cref="DataverseAnnotations"/> share: the API base of the token's environment,
/// the OData headers, reading JSON answers and Dataverse's error body. Authentication is
/// <see cref="CrmAccessTokenHandler{TCredentials}"/>'s.</summary>
internal sealed class DataverseWebApi(
    HttpClient httpClient,
    HttpConnectorLane lane,
    CrmAccessTokenStore<DataverseCredentials> tokens,
    DataverseConnectorOptions settings,
    ILogger logger)
{
    private readonly CrmRestSender<DataverseCredentials, DataverseApiException> sender =
        new(httpClient, lane, tokens, (failure, ex) => new DataverseUnavailableException(failure, ex), DataverseApiException.ReadAsync, logger);

    /// <summary>The connector's options.</summary>
    public DataverseConnectorOptions Settings => settings;

    /// <summary>The token store (the environment of the current token).</summary>
    public CrmAccessTokenStore<DataverseCredentials> Tokens => tokens;

    /// <summary>Sends the request <paramref name="build"/> makes from the API base (<c>{environment}/api/data/v9.2/</c>) with the
    /// OData headers; returns a successful answer or throws <see cref="DataverseApiException"/>.</summary>
    public Task<HttpResponseMessage> SendAsync(Func<Uri, HttpRequestMessage> build, TimeSpan? timeout, CancellationToken cancellationToken) =>
        sender.SendAsync(
            (token, _) =>
            {
                var request = build(ApiBase(token.InstanceUrl));
                request.Headers.TryAddWithoutValidation("OData-MaxVersion", "4.0");
                request.Headers.TryAddWithoutValidation("OData-Version", "4.0");
                if (request.Method == HttpMethod.Get)
                {
                    // Facts B2: without it a browser-like cache could answer from an earlier ETag.
                    request.Headers.TryAddWithoutValidation("If-None-Match", "null");
                }

                return request;
            },
            timeout,
            cancellationToken);

    /// <summary>GETs <paramref name="uri"/> (built from the API base) and reads the answer as <typeparamref name="T"/>.</summary>
    public async Task<T> GetAsync<T>(Func<Uri, Uri> uri, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(apiBase => new HttpRequestMessage(HttpMethod.Get, uri(apiBase)), timeout: null, cancellationToken).ConfigureAwait(false);
        return await ReadAsync(response, typeInfo, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>POSTs an action (<c>InitializeAnnotationBlocksUpload</c>, …) with the upload timeout and returns its answer, or null when it has no body.</summary>
    public async Task<JsonObject?> PostActionAsync(string action, JsonObject body, CancellationToken cancellationToken)
    {
        var json = body.ToJsonString();
        using var response = await SendAsync(
            apiBase => new HttpRequestMessage(HttpMethod.Post, new Uri(apiBase, action)) { Content = JsonContent(json) },
            settings.UploadTimeout,
            cancellationToken).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return bytes.Length == 0 ? null : JsonSerializer.Deserialize(bytes, DataverseJsonContext.Default.JsonObject);
    }

    /// <summary>Creates a record (<c>POST {set}</c>) and returns its id from the <c>OData-EntityId</c> header of the 204 answer.</summary>
    public async Task<Guid> CreateAsync(string entitySetName, string json, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(
            apiBase => new HttpRequestMessage(HttpMethod.Post, new Uri(apiBase, entitySetName)) { Content = JsonContent(json) },
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

    /// <summary>Reads a JSON answer; an empty or malformed body is a <see cref="DataverseApiException"/> naming what was wrong.</summary>
    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return (bytes.Length == 0 ? default : JsonSerializer.Deserialize(bytes, typeInfo))
                ?? throw new DataverseApiException(response.StatusCode, null, "Dataverse answered with an empty body.");
        }
        catch (JsonException ex)
        {
            throw new DataverseApiException(response.StatusCode, null, $"Dataverse answered with a body that is not the expected JSON ({ex.Message}).");
        }
    }

    private static StringContent JsonContent(string json)
    {
        var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private Uri ApiBase(Uri instanceUrl) => new(new Uri(instanceUrl.GetLeftPart(UriPartial.Authority) + "/"), settings.ApiPath);
}
